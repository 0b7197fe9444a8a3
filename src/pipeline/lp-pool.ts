import type { AuditRegion, AuditRegionResult } from './audit-region.ts';
import type { RoundingGroup } from './rounding-group.ts';
import { WORKERS, WorkerPool } from './worker-pool.ts';

/** What a worker is asked to solve, by the module that solves it (lp-worker.ts). */
export type LpTask = { kind: 'round'; group: RoundingGroup } | { kind: 'audit'; region: AuditRegion };
export type LpResult<T extends LpTask> = T extends { kind: 'round' } ? boolean[] : AuditRegionResult;

/**
 * Worker threads that each hold a HiGHS instance and solve the independent groups of the rounding
 * and the regions of the audit, one core each: the linear programmes are nearly all the time the
 * disclosure control takes, and the main thread only waits for them.
 */
let pool: WorkerPool<LpTask, LpResult<LpTask>> | null = null;

/**
 * Starts the workers, if they are not running yet: each loads HiGHS as it starts, so a pipeline
 * that starts them before reading its input has them ready when the first programme comes.
 */
export function startLpWorkers(): WorkerPool<LpTask, LpResult<LpTask>> {
  pool ??= new WorkerPool(new URL('./lp-worker.ts', import.meta.url));
  return pool;
}

/** Solves a task on the process's worker pool (one worker per core, at most four). */
export function solveInWorker<T extends LpTask>(task: T): Promise<LpResult<T>> {
  return startLpWorkers().run(task) as Promise<LpResult<T>>;
}

/**
 * `solve` for every item, a few more at a time than there are workers: a task is made only when
 * a worker is about to be free, so a national dataset's hundred thousand tasks are never all in
 * memory at once. Results come in the items' order.
 */
export async function solveEach<T, R>(items: T[], solve: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await solve(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(2 * WORKERS, items.length) }, lane));
  return out;
}
