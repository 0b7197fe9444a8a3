import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';

/**
 * Simplifies polygons topologically (shared borders stay shared) and quantises them, keeping
 * the given share of points: a district map needs far fewer points than the source has.
 */
export function simplifyFeatures(geo: FeatureCollection<Geometry, Record<string, unknown>>, keep = 0.15): FeatureCollection<Geometry, Record<string, unknown>> {
  const topo = presimplify(topology({ shapes: geo }, 1e5) as Parameters<typeof presimplify>[0]);
  const simple = simplify(topo, quantile(topo, 1 - keep));
  return feature(simple, simple.objects.shapes) as unknown as FeatureCollection<Geometry, Record<string, unknown>>;
}
