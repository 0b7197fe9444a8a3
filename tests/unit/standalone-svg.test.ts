import { describe, expect, it } from 'vitest';
import { tileMap } from '../../src/lib/charts/tile-map.ts';
import type { FigureModel } from '../../src/lib/figure.ts';
import type { Manifest } from '../../src/lib/manifest.ts';
import { classBreaks } from '../../src/lib/shape/class-breaks.ts';
import { standaloneSvg } from '../../src/lib/standalone-svg.ts';

const manifest = {
  dataset: {
    id: 'test',
    version: '1.0.0',
    licence: { id: 'CC-BY-4.0' },
    province: { code: '22', name_vi: 'Quảng Ninh', name_en: 'Quảng Ninh', kind: 'province' },
  },
} as unknown as Manifest;
const units = Array.from({ length: 12 }, (_, i) => String(i));
const chart = tileMap([{ code: 'd', name: 'Huyện Một', units }], new Map(units.map((u) => [u, { value: Number(u), name: `Xã ${u}` }])), {
  id: 't',
  title: 'Tiles',
  description: 'd',
  format: String,
  missingLabel: 'không có số liệu',
  legendTitle: 'Tỷ lệ',
  breaks: classBreaks([0, 11]),
});
const figure = {
  id: 'map/commune/poor_rate/2022-national',
  page: 'map/',
  title: 'Tỷ lệ hộ nghèo theo xã, 2022',
  description: 'd',
  chart,
  source: 'Sở Lao động',
  illustrative: true,
  notes: [],
  table: { columns: [], rowHeader: 0, rows: [] },
} as unknown as FigureModel;

describe('a figure as a file of its own', () => {
  const svg = standaloneSvg(figure, 'vi', manifest);
  const [, width] = /viewBox="0 0 ([\d.]+) /.exec(svg)!;
  const titleX = Number(/<text x="([\d.]+)"/.exec(svg)![1]);

  it('keeps one margin for title, chart and notes, so a chart drawn to its own edge lines up with its title', () => {
    expect(svg).toContain(`<g transform="translate(${titleX} `);
    expect(Number(width)).toBe(chart.width + 2 * titleX);
    // Every line of the title above the chart and of the notes below it starts where the chart does.
    const around = svg.slice(0, svg.indexOf('<g transform=')) + svg.slice(svg.lastIndexOf('</g>'));
    const starts = [...around.matchAll(/<text x="([\d.]+)"/g)].map(([, x]) => Number(x));
    expect(starts.length).toBeGreaterThan(3);
    expect(new Set(starts)).toEqual(new Set([titleX]));
  });

  it('names the province in its credit, so an image in a report says where its units are', () => {
    // The footer's lines, as a reader reads them on (a long credit wraps to the chart's width).
    const read = (file: string) => [...file.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map(([, line]) => line).join(' ');
    expect(read(svg)).toContain('Atlas giảm nghèo · tỉnh Quảng Ninh · bộ dữ liệu test phiên bản 1.0.0 · giấy phép CC-BY-4.0');
    const city = {
      ...manifest,
      dataset: { ...manifest.dataset, province: { code: '46', name_vi: 'Huế', name_en: 'Huế', kind: 'city' } },
    } as Manifest;
    expect(read(standaloneSvg(figure, 'vi', city))).toContain('Atlas giảm nghèo · thành phố Huế · bộ dữ liệu test');
    expect(read(standaloneSvg(figure, 'en', city))).toContain('Poverty Atlas · Huế · dataset test');
  });
});
