import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';

/**
 * Vietnam's two offshore archipelagos, which every map of the country must show and name
 * (Decree 18/2020/NĐ-CP): Hoàng Sa, part of Đà Nẵng, and Trường Sa, part of Khánh Hòa. Province
 * polygons carry them as small islands that simplification drops, so they are taken from the
 * unsimplified polygons and drawn in an inset.
 */
export interface Archipelago {
  id: 'hoang-sa' | 'truong-sa';
  /** The province it belongs to, as the boundary file names it. */
  province: string;
  /** Longitude and latitude bounds that hold it, and nothing of the mainland. */
  box: [[number, number], [number, number]];
}

export const ARCHIPELAGOS: Archipelago[] = [
  {
    id: 'hoang-sa',
    province: 'Đà Nẵng',
    box: [
      [110.8, 15.3],
      [113.2, 17.4],
    ],
  },
  {
    id: 'truong-sa',
    province: 'Khánh Hòa',
    box: [
      [111.4, 6.0],
      [117.5, 12.0],
    ],
  },
];

const inside = (ring: Position[], [[w, s], [e, n]]: Archipelago['box']) => ring.every(([x, y]) => x >= w && x <= e && y >= s && y <= n);

/** The islands of each archipelago found in a province file, as polygon features tagged with the archipelago's id. */
export function archipelagoIslands(
  geo: FeatureCollection<Geometry, Record<string, unknown>>,
  nameKey = 'province_name',
): FeatureCollection<Polygon, { archipelago: string; province: string }> {
  const features: Feature<Polygon, { archipelago: string; province: string }>[] = [];
  for (const f of geo.features) {
    const polygons =
      f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : [];
    for (const a of ARCHIPELAGOS) {
      if (String(f.properties[nameKey]) !== a.province) continue;
      for (const p of polygons.filter((rings) => inside(rings[0], a.box))) {
        features.push({
          type: 'Feature',
          properties: { archipelago: a.id, province: a.province },
          geometry: { type: 'Polygon', coordinates: p },
        });
      }
    }
  }
  return { type: 'FeatureCollection', features };
}
