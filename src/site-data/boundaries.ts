import type { FeatureCollection, Geometry } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simplifyFeatures, windForD3 } from '../lib/geo.ts';
import { archipelagoIslands } from '../lib/shape/archipelagos.ts';
import { DATA_DIR, loadManifest } from './db.ts';

type Shapes = FeatureCollection<Geometry, Record<string, unknown>>;
const cache = new Map<string, Shapes | null>();
/** What `make` gives, made once per build by key, however many pages ask for it. */
const cached = (key: string, make: () => Shapes | null): Shapes | null => {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key)!;
};

/** A published boundary file as d3 draws it, read once (the province file gives the map and its islands). */
const readShapes = (path: string): Shapes =>
  cached(`file:${path}`, () => windForD3(JSON.parse(readFileSync(join(DATA_DIR, path), 'utf8')) as Shapes))!;

/**
 * A published boundary file, simplified to the given share of points, or null when the dataset
 * has none. Read and simplified once per build, however many pages draw it.
 */
export const loadBoundary = (name: string, keep: number): Shapes | null =>
  cached(`${name}@${keep}`, () => {
    const file = loadManifest().boundaries.find((b) => b.name === name);
    return file ? simplifyFeatures(readShapes(file.path), keep) : null;
  });

/** The islands of Hoàng Sa and Trường Sa from the unsimplified province file, or null without one. */
export const loadArchipelagos = (): Shapes | null =>
  cached('archipelagos', () => {
    const file = loadManifest().boundaries.find((b) => b.name === 'provinces');
    return file ? (archipelagoIslands(readShapes(file.path)) as unknown as Shapes) : null;
  });
