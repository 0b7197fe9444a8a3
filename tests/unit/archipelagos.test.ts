import { readFileSync } from 'node:fs';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { choropleth } from '../../src/lib/charts/choropleth.ts';
import { simplifyFeatures } from '../../src/lib/geo.ts';
import { ARCHIPELAGOS, archipelagoIslands } from '../../src/lib/shape/archipelagos.ts';

const provinces = JSON.parse(readFileSync('data/quang-ninh/boundaries/provinces.geojson', 'utf8')) as FeatureCollection<
  Geometry,
  Record<string, unknown>
>;

describe('Hoàng Sa and Trường Sa on every map of Vietnam', () => {
  it('are found in the province file, under Đà Nẵng and Khánh Hòa, and nothing of the mainland with them', () => {
    const islands = archipelagoIslands(provinces);
    for (const a of ARCHIPELAGOS) {
      const own = islands.features.filter((f) => f.properties.archipelago === a.id);
      expect(own.length, a.id).toBeGreaterThanOrEqual(5);
      expect(new Set(own.map((f) => f.properties.province))).toEqual(new Set([a.province]));
    }
  });

  it('are what simplification drops, which is why they are drawn from the unsimplified file', () => {
    const simple = simplifyFeatures(provinces, 0.05);
    expect(archipelagoIslands(simple).features.length).toBeLessThan(archipelagoIslands(provinces).features.length);
  });

  it('are drawn in an inset, each island marked and each archipelago named with its province', () => {
    const svg = choropleth(simplifyFeatures(provinces, 0.05), new Map(), {
      id: 'm',
      title: 'Map',
      description: 'd',
      key: 'iso_3166_2',
      format: String,
      missingLabel: 'no data',
      legendTitle: 'Rate',
      breaks: [1, 2],
      inset: {
        islands: archipelagoIslands(provinces) as unknown as FeatureCollection<Geometry, Record<string, unknown>>,
        title: 'Hai quần đảo',
        labels: [
          { id: 'hoang-sa', lines: ['Quần đảo Hoàng Sa', '(Đà Nẵng)'], of: 'VN-DN' },
          { id: 'truong-sa', lines: ['Quần đảo Trường Sa', '(Khánh Hòa)'], of: 'VN-34' },
        ],
      },
    }).svg;
    expect(svg.match(/data-archipelago="hoang-sa"/g)!.length).toBeGreaterThanOrEqual(5);
    expect(svg.match(/data-archipelago="truong-sa"/g)!.length).toBeGreaterThanOrEqual(5);
    expect(svg).toContain('Quần đảo Hoàng Sa</tspan>');
    expect(svg).toContain('(Khánh Hòa)</tspan>');
  });
});
