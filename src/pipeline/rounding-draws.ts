import { createHmac } from 'node:crypto';
import { solveInWorker } from './lp-pool.ts';
import { WORKERS } from './worker-pool.ts';

/** A number in [0, 1) for a cell, the same for the same key and cell in every build. */
export const draw = (key: string, cell: string) => createHmac('sha256', key).update(cell).digest().readUIntBE(0, 6) / 2 ** 48;

/**
 * The draws of many cells, made on the worker threads: a keyed digest a cell is otherwise the
 * largest part of the rounding's work on the main thread (9 s of a national dataset's 2,6 million
 * cells). All the slices are sent at once, two a worker: the workers draw while the main thread
 * does something else, without it having to send them more.
 */
export async function drawOnWorkers(key: string, cells: string[]): Promise<Float64Array> {
  const size = Math.max(1, Math.ceil(cells.length / (2 * WORKERS)));
  const slices = Array.from({ length: Math.ceil(cells.length / size) }, (_, i) => cells.slice(i * size, (i + 1) * size));
  const drawn = await Promise.all(slices.map((slice) => solveInWorker({ kind: 'draws', key, cells: slice })));
  const out = new Float64Array(cells.length);
  drawn.forEach((d, i) => {
    out.set(d, i * size);
  });
  return out;
}
