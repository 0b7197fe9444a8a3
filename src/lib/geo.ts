import type { FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { geoArea } from 'd3';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, presimplify, quantile, simplify } from 'topojson-simplify';

/**
 * Simplifies polygons topologically (shared borders stay shared) and quantises them, keeping
 * the given share of points and dropping islets too small to see: a map needs far fewer
 * points than the source has.
 */
export function simplifyFeatures(
  geo: FeatureCollection<Geometry, Record<string, unknown>>,
  keep = 0.15,
): FeatureCollection<Geometry, Record<string, unknown>> {
  const topo = presimplify(topology({ shapes: geo }, 1e5) as Parameters<typeof presimplify>[0]);
  // A share of points suits boundaries drawn with thousands of them; a file of a few (a square a
  // commune) would lose corners a reader sees, so no point whose triangle is over a ten-thousandth
  // of the whole map's box (25 px² on a map 500 px across) is dropped.
  const [x0, y0, x1, y1] = (topo as { bbox: number[] }).bbox;
  const weight = Math.min(quantile(topo, keep), (x1 - x0) * (y1 - y0) * 1e-4);
  // Islets smaller than what simplification keeps would only add points nobody can see.
  const simple = filter(simplify(topo, weight), filterWeight(topo, weight));
  return feature(simple, simple.objects.shapes) as unknown as FeatureCollection<Geometry, Record<string, unknown>>;
}

type Rings = Position[][];

/** A polygon's rings as d3 reads them, whichever way they were wound (see `windForD3`). */
const clockwise = (rings: Rings): Rings =>
  geoArea({ type: 'Polygon', coordinates: rings } as Polygon) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;

/**
 * The shapes with each polygon's outer ring clockwise, as d3 draws polygons on the sphere. GeoJSON
 * (RFC 7946) winds it the other way, and d3 reads such a ring as the whole globe but that polygon:
 * a province's file written to the standard drew its map as one filled box. A polygon taken for
 * more than a hemisphere, which no commune, district or province is, is wound back.
 */
export function windForD3<G extends FeatureCollection<Geometry, Record<string, unknown>>>(geo: G): G {
  return {
    ...geo,
    features: geo.features.map((f) => {
      const g = f.geometry;
      if (g?.type === 'Polygon') return { ...f, geometry: { ...g, coordinates: clockwise(g.coordinates) } };
      if (g?.type === 'MultiPolygon') return { ...f, geometry: { ...g, coordinates: g.coordinates.map(clockwise) } };
      return f;
    }),
  };
}
