import type { FeatureCollection, Geometry } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simplifyFeatures, windForD3 } from '../lib/geo.ts';
import { archipelagoIslands } from '../lib/shape/archipelagos.ts';
import { DATA_DIR, loadManifest } from './db.ts';

type Shapes = FeatureCollection<Geometry, Record<string, unknown>>;
const cache = new Map<string, Shapes | null>();

/** A published boundary file as d3 draws it, read once (the province file gives the map and its islands). */
function readShapes(path: string): Shapes {
  const key = `file:${path}`;
  if (!cache.has(key)) cache.set(key, windForD3(JSON.parse(readFileSync(join(DATA_DIR, path), 'utf8')) as Shapes));
  return cache.get(key)!;
}

/**
 * A published boundary file, simplified to the given share of points, or null when the dataset
 * has none. Read and simplified once per build, however many pages draw it.
 */
export function loadBoundary(name: string, keep: number): Shapes | null {
  const key = `${name}@${keep}`;
  if (!cache.has(key)) {
    const file = loadManifest().boundaries.find((b) => b.name === name);
    cache.set(key, file ? simplifyFeatures(readShapes(file.path), keep) : null);
  }
  return cache.get(key)!;
}

/** The islands of Hoàng Sa and Trường Sa from the unsimplified province file, or null without one. */
export function loadArchipelagos(): Shapes | null {
  const key = 'archipelagos';
  if (!cache.has(key)) {
    const file = loadManifest().boundaries.find((b) => b.name === 'provinces');
    cache.set(key, file ? (archipelagoIslands(readShapes(file.path)) as unknown as Shapes) : null);
  }
  return cache.get(key)!;
}
