import type { FeatureCollection, Geometry } from 'geojson';
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
  const weight = quantile(topo, keep);
  // Islets smaller than what simplification keeps would only add points nobody can see.
  const simple = filter(simplify(topo, weight), filterWeight(topo, weight));
  return feature(simple, simple.objects.shapes) as unknown as FeatureCollection<Geometry, Record<string, unknown>>;
}
