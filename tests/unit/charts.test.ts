import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { choropleth } from '../../src/lib/charts/choropleth.ts';
import { barChart } from '../../src/lib/charts/bar-chart.ts';
import { lineChart } from '../../src/lib/charts/line-chart.ts';
import { sparkline } from '../../src/lib/charts/sparkline.ts';
import { escapeHtml } from '../../src/lib/escape.ts';
import { textWidth } from '../../src/lib/export-font.ts';
import { classBreaks } from '../../src/lib/shape/class-breaks.ts';
import { standardLabel } from '../../src/lib/manifest.ts';
import { seriesByStandard } from '../../src/lib/shape/series.ts';

const HOSTILE = '<img src=x onerror="alert(1)">';
/** A chart's options that a test does not look at, with the ones it does. */
const plain = <T extends object>(id: string, rest: T) => ({ id, title: 't', description: 'd', format: String, missingLabel: '-', ...rest });

/** A map's options, beside its shapes, values and width. */
const MAP = {
  id: 'm',
  title: 'Map',
  description: 'd',
  key: 'code',
  format: String,
  missingLabel: '–',
  legendTitle: 'Rate',
  breaks: [0.05],
};

/** A unit square at (x, 0), as a map's shape with code x. */
const square = (x: number) => ({
  type: 'Feature' as const,
  properties: { code: String(x) },
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, 0],
        [x, 1],
        [x + 1, 1],
        [x + 1, 0],
        [x, 0],
      ],
    ],
  },
});

describe('charts are pure SVG text', () => {
  const chart = lineChart(
    [
      {
        id: 'a',
        label: HOSTILE,
        points: [
          { x: 2021, y: 658 },
          { x: 2022, y: 258 },
          { x: 2023, y: null },
        ],
      },
    ],
    { id: 'c', title: `T ${HOSTILE}`, description: 'D', format: String, missingLabel: 'no data', breaks: [{ x: 2023, label: 'break' }] },
  ).svg;

  it('escapes every string that comes from data', () => {
    expect(chart).not.toContain('<img');
    expect(chart).toContain(escapeHtml(HOSTILE));
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });

  it('is accessible: titled, described, every point focusable with its value', () => {
    expect(chart).toMatch(/<svg[^>]*role="group"[^>]*aria-labelledby="c-title c-desc"/);
    // Two points, each a focusable group: the visible dot and a 24-px disc to tap.
    expect(chart.match(/<g class="point" tabindex="0"/g)).toHaveLength(2);
    expect(chart.match(/<circle[^>]*class="hit"/g)).toHaveLength(2);
    expect(chart).toContain('data-value="258"');
    expect(chart).toContain('tabindex="0"');
  });

  it('lays itself out for a phone when drawn narrow: 12-px text, labels above bars, legend below the map', () => {
    const bars = barChart([{ key: 'a', label: 'Nước sinh hoạt', value: 40 }], {
      id: 'b',
      title: 't',
      description: 'd',
      format: String,
      missingLabel: '-',
      width: 300,
    }).svg;
    expect(bars).toContain('viewBox="0 0 300');
    expect(bars).toMatch(/<text x="0" y="\d+" font-size="12"[^>]*>Nước sinh hoạt/);
    expect([...bars.matchAll(/font-size="(\d+)"/g)].every(([, size]) => Number(size) >= 12)).toBe(true);
  });

  it('draws one year as bars, each with its value and year written, the target across them (a dot on an axis says neither)', () => {
    const svg = lineChart(
      [
        { id: 'national', label: 'Chuẩn quốc gia', points: [{ x: 2024, y: 7295 }] },
        { id: 'provincial', label: 'Chuẩn tỉnh', points: [{ x: 2024, y: -40 }] },
      ],
      {
        id: 'one',
        title: 't',
        description: 'd',
        format: (v) => v.toLocaleString('vi'),
        missingLabel: '-',
        reference: { y: 8000, label: 'Mục tiêu: 8.000' },
        width: 360,
      },
    ).svg;
    const root = parse(svg);
    const bars = root.querySelectorAll('g[data-key]');
    expect(bars.map((g) => g.getAttribute('aria-label'))).toEqual(['Chuẩn quốc gia, 2024: 7.295', 'Chuẩn tỉnh, 2024: -40']);
    expect(bars.map((g) => g.querySelectorAll('text').map((t) => t.textContent))).toEqual([
      ['Chuẩn quốc gia, 2024', '7.295'],
      ['Chuẩn tỉnh, 2024', '-40'],
    ]);
    // The value below zero is a bar to the left of zero, its words left of the bar.
    const [up, down] = bars.map((g) => g.querySelector('rect')!);
    expect(Number(down.getAttribute('x')) + Number(down.getAttribute('width'))).toBeCloseTo(Number(up.getAttribute('x')), 0);
    expect(root.querySelector('.reference text')!.textContent).toBe('Mục tiêu: 8.000');
    expect(root.querySelectorAll('.reference line')).toHaveLength(2);
    expect(root.querySelectorAll('.series')).toHaveLength(0);
  });

  it('names fewer years on a narrow chart, never two overlapping, always the last', () => {
    const years = [2006, 2008, 2010, 2012, 2013, 2014, 2015, 2016];
    const svg = lineChart([{ id: 'a', label: 'Quảng Ninh', points: years.map((x, i) => ({ x, y: 10 - i })) }], {
      id: 'n',
      title: 't',
      description: 'd',
      format: String,
      missingLabel: '-',
      width: 300,
    }).svg;
    const labels = [
      ...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="middle" font-size="12" fill="currentColor">(\d{4})<\/text>/g),
    ].map(([, x, y]) => [Number(x), y] as const);
    expect(labels.at(-1)?.[1]).toBe('2016');
    expect(labels.length).toBeLessThan(years.length);
    for (let i = 1; i < labels.length; i++) expect(labels[i][0] - labels[i - 1][0]).toBeGreaterThanOrEqual(34);
  });

  it('does not join a line across a break that separates (a merger), but does across one that does not', () => {
    const points = [2021, 2022, 2023, 2024].map((x) => ({ x, y: 10 }));
    const pathOf = (separates: boolean) =>
      lineChart([{ id: 'a', label: 'x', points }], {
        id: 'm',
        title: 't',
        description: 'd',
        format: String,
        missingLabel: '-',
        breaks: [{ x: 2023, label: 'Sáp nhập 01/07/2023', separates }],
      }).svg.match(/<path d="([^"]*)"/)![1];
    // A path starts a new piece with each M (move to).
    expect(pathOf(true).match(/M/g)).toHaveLength(2);
    expect(pathOf(false).match(/M/g)).toHaveLength(1);
  });

  it('sets a break label below one it would run into, not over it', () => {
    const svg = lineChart(
      [{ id: 'a', label: 'x', points: [2021, 2022, 2023, 2024, 2025].map((x) => ({ x, y: 10 })) }],
      plain('b', {
        width: 360,
        breaks: [
          { x: 2025, label: 'Sáp nhập 01/07/2025', separates: true },
          { x: 2023, label: 'Đổi chuẩn: chuẩn tỉnh' },
        ],
      }),
    ).svg;
    const tops = [...svg.matchAll(/<g class="break">.*?<text x="[\d.]+" y="([\d.]+)"/g)].map(([, y]) => Number(y));
    expect(tops).toHaveLength(2);
    expect(Math.abs(tops[0] - tops[1])).toBeGreaterThanOrEqual(14);
  });

  it('keeps a break label off the axis numbers, on a box over the lines that cross it', () => {
    const svg = lineChart(
      [{ id: 'a', label: 'x', points: [2021, 2022, 2023, 2024, 2025].map((x) => ({ x, y: 10 * (x - 2020) })) }],
      plain('b', {
        width: 300,
        breaks: [
          { x: 2023, label: 'Standard changes: provincial standard' },
          { x: 2025, label: 'Merged 1 Jul 2025', separates: true },
        ],
      }),
    ).svg;
    // The axis numbers end 8 px left of the plot.
    const plotLeft = Number(svg.match(/<g class="tick">.*?<text x="([\d.]+)"/)![1]) + 8;
    const boxes = [...svg.matchAll(/<rect class="label-box"[^>]* x="([\d.]+)"/g)].map(([, x]) => Number(x));
    expect(boxes).toHaveLength(2);
    for (const x of boxes) expect(x).toBeGreaterThanOrEqual(plotLeft - 2);
    expect(svg.indexOf('<g class="break">')).toBeGreaterThan(svg.lastIndexOf('<path d='));
  });

  it("keeps the end labels of lines that end together above the last point's year", () => {
    const points = (end: number) => [2021, 2022, 2023, 2024, 2025].map((x) => ({ x, y: x === 2025 ? end : 5 }));
    const svg = lineChart(
      [
        { id: 'a', label: 'provincial standard', points: points(0) },
        { id: 'b', label: 'national standard', points: points(0) },
      ],
      plain('e', { width: 300 }),
    ).svg;
    const yearY = Number(
      svg.match(/<text x="[\d.]+" y="([\d.]+)" text-anchor="middle" font-size="12" fill="currentColor">2025<\/text>/)![1],
    );
    const labels = [
      ...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" font-size="12" fill="#[0-9a-f]{6}" dominant-baseline="middle">(.*?)<\/text>/g),
    ];
    expect(labels).toHaveLength(2);
    for (const [, y, inner] of labels) {
      const lastLine = Number(y) + Math.max(0, (inner.match(/<tspan/g) ?? []).length - 1) * 14;
      // The year's text is 18 px under the plot's bottom; a label line is centred on its y.
      expect(lastLine + 7).toBeLessThanOrEqual(yearY - 10);
    }
  });

  it('gives the same text for the same data', async () => {
    await expect(
      lineChart(
        [
          {
            id: 'a',
            label: 'x',
            points: [
              { x: 1, y: 1 },
              { x: 2, y: 3 },
            ],
          },
        ],
        {
          id: 'c',
          title: 't',
          description: 'd',
          format: String,
          missingLabel: '-',
        },
      ).svg,
    ).toMatchFileSnapshot('__snapshots__/line-chart.svg');
  });

  it('draws a sparkline with its target line, the same text for the same data', async () => {
    const svg = sparkline(
      [
        { x: 2022, y: 96.5 },
        { x: 2023, y: 99 },
        { x: 2024, y: null },
      ],
      100,
      'Credit: 2022 96,5%',
    );
    expect(svg).toContain('aria-label="Credit: 2022 96,5%"');
    expect(svg.match(/<circle/g)).toHaveLength(2);
    await expect(svg).toMatchFileSnapshot('__snapshots__/sparkline.svg');
  });

  it('draws no sparkline from fewer than two known values (a province with one year, a target not yet measured)', () => {
    const oneYear = [{ x: 2025, y: 2.7 }];
    expect(sparkline(oneYear, 3, 'Poverty: 2025 2,7')).toBe('');
    expect(sparkline([...oneYear, { x: 2024, y: null }], 3, 'Poverty: 2024 –; 2025 2,7')).toBe('');
    expect(sparkline([], 3, 'Poverty')).toBe('');
  });

  it('draws a choropleth with a legend and a grey class for missing values', () => {
    const svg = choropleth(
      { type: 'FeatureCollection', features: [square(0), square(1)] },
      new Map([
        ['0', { name: 'A', value: 0.12 }],
        ['1', { name: 'B', value: null }],
      ]),
      {
        id: 'm',
        title: 'Map',
        description: 'd',
        key: 'code',
        format: (v) => `${v}%`,
        missingLabel: 'no data',
        legendTitle: 'Rate',
        breaks: [0.05, 0.1],
      },
    ).svg;
    expect(svg).toContain('aria-label="A: 0.12%"');
    expect(svg).toContain('aria-label="B: no data"');
    expect(svg).toContain('fill="#d9d9d9"');
  });

  it("writes a shape's name only where it stays on the map, clear of the legend beside it", () => {
    // A thin strip with a block at its right end: its centre lies near that end, and a long name
    // centred there would run past it.
    const wedge = {
      type: 'Feature' as const,
      properties: { code: 'w' },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [0, 0],
            [0, 0.1],
            [9, 0.1],
            [9, 3],
            [10, 3],
            [10, 0],
            [0, 0],
          ],
        ],
      },
    };
    const names = ['Đông', 'Thành phố Phan Rang – Tháp Chàm và các xã lân cận', 'Huyện Đăk Glong mở rộng về phía đông'];
    for (const name of names) {
      const svg = choropleth({ type: 'FeatureCollection', features: [wedge] }, new Map([['w', { name, value: 0.1 }]]), {
        ...MAP,
        labels: true,
      }).svg;
      const label = /<text x="([\d.]+)"[^>]*aria-hidden="true">([^<]+)<\/text>/.exec(svg);
      if (label) expect(Number(label[1]) + textWidth(label[2], 12) / 2, name).toBeLessThanOrEqual(640 - 170 + 8);
      if (name === 'Đông') expect(label?.[2]).toBe('Đông');
    }
  });

  it("keeps every line of a map's legend inside the picture, however large the counts and long their unit", () => {
    const counts = [123_456, 234_567, 345_678, 456_789, 987_654, 1_234_567];
    const values = new Map(counts.map((v, i) => [String(i), { name: `U${i}`, value: v }]));
    for (const width of [640, 300])
      for (const unit of ['', ' hộ nghèo và cận nghèo']) {
        const { svg } = choropleth({ type: 'FeatureCollection', features: counts.map((_, i) => square(i)) }, values, {
          ...MAP,
          format: (v) => `${v.toLocaleString('vi')}${unit}`,
          missingLabel: 'dưới 50 hộ nghèo và cận nghèo, không tính tỷ lệ',
          breaks: classBreaks(counts),
          width,
        });
        const legend = svg.slice(svg.indexOf('class="legend"'));
        const over = [...legend.matchAll(/<text x="([\d.]+)"[^>]*>([^<]+)<\/text>/g)].filter(
          ([, x, text]) => Number(x) + textWidth(text.replaceAll('&lt;', '<'), 12, 'bold') > width,
        );
        expect(over.map(([, , text]) => `${text} (${width})`)).toEqual([]);
      }
  });

  it('draws a province wider than tall at the top of a phone-sized map, with no empty band above it', () => {
    // Four squares in a row: four times as wide as tall.
    const svg = choropleth({ type: 'FeatureCollection', features: [0, 1, 2, 3].map(square) }, new Map(), { ...MAP, width: 300 }).svg;
    const ys = [...svg.matchAll(/<path d="([^"]+)"/g)].flatMap(([, d]) =>
      [...d.matchAll(/-?[\d.]+,(-?[\d.]+)/g)].map(([, y]) => Number(y)),
    );
    expect(Math.min(...ys)).toBeLessThanOrEqual(10);
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(80);
    // …and the image is not much taller than the shapes, their legend below them.
    expect(Number(/viewBox="0 0 300 (\d+)"/.exec(svg)![1])).toBeLessThan(300);
  });

  it('draws the same map again as if for the first time, whatever shapes and box it was drawn with before', () => {
    const [a, b] = [square(0), square(3)];
    const values = new Map([
      ['0', { name: 'A', value: 0.12 }],
      ['3', { name: 'B', value: 0.01 }],
    ]);
    const draw = (features: (typeof a)[], width: number, fresh = false) =>
      choropleth({ type: 'FeatureCollection', features: fresh ? features.map((f) => structuredClone(f)) : features }, values, {
        ...MAP,
        width,
      }).svg;
    // Shapes are fitted to their box once and kept by the shapes: the same shapes in another box,
    // or only some of them, are fitted afresh, exactly as copies never drawn before are.
    for (const [features, width] of [
      [[a, b], 640],
      [[a, b], 300],
      [[a], 640],
      [[a, b], 640],
      [[b, a], 640],
    ] as const) {
      expect(draw([...features], width)).toBe(draw([...features], width, true));
    }
    expect(draw([a], 640)).not.toBe(draw([a, b], 640));
  });
});

describe('chart views', () => {
  it('keeps each poverty standard its own series and marks where a later one starts', () => {
    const rows = [
      { year: 2022, standard: 'national', poor: 258 },
      { year: 2023, standard: 'national', poor: 0 },
      { year: 2023, standard: 'provincial', poor: 81 },
    ];
    const standards = [
      {
        id: 'national',
        name_vi: 'Chuẩn nghèo đa chiều quốc gia',
        name_en: '',
        short_name_vi: 'chuẩn quốc gia',
        legal_basis: '07/2021',
        years: [2022, 2023],
      },
      { id: 'provincial', name_vi: 'Chuẩn nghèo của tỉnh', name_en: '', legal_basis: '13/2023', years: [2023] },
    ];
    const { series, breaks } = seriesByStandard(
      rows,
      'poor',
      standards,
      (s) => s.legal_basis,
      (s) => standardLabel(s, 'vi'),
    );
    expect(series.map((s) => s.points.length)).toEqual([2, 1]);
    expect(series.map((s) => s.label)).toEqual(['chuẩn quốc gia', 'Chuẩn nghèo của tỉnh']);
    expect(breaks).toEqual([{ x: 2023, label: '13/2023' }]);
    // A standard that replaces one ending the year before is a change; one beside another that goes on is added.
    const label = (s: { legal_basis: string }, replaces: boolean) => `${replaces ? 'changes' : 'added'} ${s.legal_basis}`;
    const old = { id: 'old', name_vi: 'Chuẩn cũ', name_en: '', legal_basis: '59/2015', years: [2020, 2021] };
    const changed = seriesByStandard([{ year: 2020, standard: 'old', poor: 1 }, ...rows], 'poor', [old, ...standards], label, (s) => s.id);
    expect(changed.breaks).toEqual([
      { x: 2022, label: 'changes 07/2021' },
      { x: 2023, label: 'added 13/2023' },
    ]);
  });

  it('finds class breaks that spread very small rates', () => {
    expect(classBreaks([0.01, 0.07, 0.19, null])).toEqual([0.034, 0.094]);
  });
});

describe('a count that has reached zero', () => {
  it('says since when, and what it was before', async () => {
    const { zeroSince } = await import('../../src/lib/shape/series.ts');
    const rows = [2021, 2022, 2023, 2024].map((year, i) => ({ year, standard: 'national', poor: [658, 258, 0, 0][i] }));
    expect(zeroSince(rows, 'national', 'poor')).toEqual({ since: 2023, before: { year: 2022, value: 258 } });
    expect(zeroSince(rows.slice(0, 2), 'national', 'poor')).toBeNull();
    expect(zeroSince([{ year: 2023, standard: 'x', poor: 0 }], 'x', 'poor')).toEqual({ since: 2023, before: null });
  });
});

describe('headline figures', () => {
  it("are each standard's latest year, of the standards still in force at the end: a replaced one is history, a lagging one stays", async () => {
    const { latestByStandard } = await import('../../src/lib/shape/series.ts');
    const standards = [
      { id: 'old', years: [2016, 2017, 2018, 2019, 2020] },
      { id: 'national', years: [2021, 2022, 2023] },
      { id: 'city', years: [2022, 2023] },
    ];
    const rows = [
      ...[2016, 2017, 2018, 2019, 2020].map((year) => ({ year, standard: 'old' })),
      ...[2021, 2022, 2023].map((year) => ({ year, standard: 'national' })),
      { year: 2022, standard: 'city' },
    ];
    expect(latestByStandard(rows, standards).map((r) => `${r.standard} ${r.year}`)).toEqual(['national 2023', 'city 2022']);
  });
});

describe("a plan section's references to the dataset's figures", () => {
  it('are read as the pipeline checks them: spaces around a name do not lose it, other tables are not figures', async () => {
    const { parsePlanReferences } = await import('../../src/lib/shape/plan-references.ts');
    expect(parsePlanReferences(' coverage : bhyt ;deprivation:water;poverty:poor;;deprivation:')).toEqual([
      { table: 'coverage', code: 'bhyt' },
      { table: 'deprivation', code: 'water' },
    ]);
    expect(parsePlanReferences(null)).toEqual([]);
  });
});
