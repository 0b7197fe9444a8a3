import type { AuditRegion, AuditRegionResult } from './audit-region.ts';
import {
  type GroupOfRows,
  type PackedRows,
  resultFromWire,
  shareGroups,
  sharedAnswers,
  toWire,
  type WireResult,
  type WireTask,
} from './lp-transport.ts';
import { WORKERS, WorkerPool } from './worker-pool.ts';

/**
 * Worker threads that each hold a HiGHS instance and solve the independent groups of the rounding
 * and the regions of the audit, one core each: the linear programmes are nearly all the time the
 * disclosure control takes.
 */
let pool: WorkerPool<WireTask, WireResult> | null = null;

/**
 * Starts the workers, if they are not running yet: each loads HiGHS as it starts, so a pipeline
 * that starts them before reading its input has them ready when the first programme comes.
 */
export function startLpWorkers(): WorkerPool<WireTask, WireResult> {
  // Two tasks a worker: a programme takes a few milliseconds, about as long as the main thread
  // may take to read an answer.
  pool ??= new WorkerPool(new URL('./lp-worker.ts', import.meta.url), WORKERS, 2);
  return pool;
}

/**
 * Ends the workers once the last programme is solved: at national scale they hold hundreds of
 * megabytes that the export, when the pipeline's memory peaks, has better use for. A later
 * programme starts them again.
 */
export async function stopLpWorkers() {
  const stopping = pool;
  pool = null;
  await stopping?.close();
}

/** Solves a region of the audit on the process's worker pool (one worker per core, at most four). */
export async function solveInWorker(region: AuditRegion): Promise<AuditRegionResult> {
  return resultFromWire((await startLpWorkers().run(toWire(region)))!);
}

/**
 * Which counts of each group round up, the groups solved by every worker at once, each taking
 * the next group left as it is free. They are posted before this returns, so that the workers
 * solve them while this thread goes on with other work; a task a group would leave a worker idle
 * whenever this thread is busy.
 */
export async function roundInWorkers(rows: PackedRows, groups: GroupOfRows[]): Promise<boolean[][]> {
  if (groups.length === 0) return [];
  const shared = shareGroups(rows, groups);
  await startLpWorkers().everyWorker({ kind: 'round', groups: shared });
  return sharedAnswers(shared);
}

/** How long the main thread works through quick items before it lets the workers' answers in. */
const SLICE_MS = 4;

/**
 * `solve` for every item, a few more at a time than there are workers: a task is made only when
 * a worker is about to be free, so a national dataset's hundred thousand tasks are never all in
 * memory at once. Items for which `quick` holds are solved on this thread, one after another, at
 * the same time as the workers solve the others: each slice of them ends by letting the workers'
 * answers in, so that no worker waits for the main thread to send its next task. Results come in
 * the items' order.
 */
export async function solveEach<T, R>(items: T[], solve: (item: T) => Promise<R>, quick: (item: T) => boolean = () => false): Promise<R[]> {
  const out = new Array<R>(items.length);
  const [onWorkers, here] = [[] as number[], [] as number[]];
  items.forEach((item, i) => {
    (quick(item) ? here : onWorkers).push(i);
  });
  let next = 0;
  const lane = async () => {
    while (next < onWorkers.length) {
      const i = onWorkers[next++];
      out[i] = await solve(items[i]);
    }
  };
  const mainThread = async () => {
    let slice = performance.now();
    for (const i of here) {
      out[i] = await solve(items[i]);
      if (performance.now() - slice > SLICE_MS) {
        await new Promise(setImmediate);
        slice = performance.now();
      }
    }
  };
  await Promise.all([mainThread(), ...Array.from({ length: Math.min(2 * WORKERS, onWorkers.length) }, lane)]);
  return out;
}
