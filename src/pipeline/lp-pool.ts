import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AuditRegion, AuditRegionResult } from './audit-region.ts';
import type { RoundingGroup } from './rounding-group.ts';

/** What a worker is asked to solve, by the module that solves it (lp-worker.ts). */
export type LpTask = { kind: 'round'; group: RoundingGroup } | { kind: 'audit'; region: AuditRegion };
export type LpResult<T extends LpTask> = T extends { kind: 'round' } ? boolean[] : AuditRegionResult;

interface Pending {
  task: LpTask;
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads that each hold a HiGHS instance and solve the independent groups of the rounding
 * and the regions of the audit, one core each: the linear programmes are nearly all the time the
 * disclosure control takes, and the main thread only waits for them. Idle workers do not keep the
 * process alive.
 */
class LpPool {
  private idle: Worker[] = [];
  private queue: Pending[] = [];
  private busy = new Map<Worker, Pending>();

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.start());
  }

  private start(): Worker {
    const worker = new Worker(new URL('./lp-worker.ts', import.meta.url));
    worker.unref();
    worker.on('message', (message: { ok: true; value: never } | { ok: false; error: string }) => {
      const job = this.busy.get(worker)!;
      this.release(worker);
      if (message.ok) job.resolve(message.value);
      else job.reject(new Error(message.error));
    });
    worker.on('error', (error) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      // A worker that died is replaced; the task it held fails with its error.
      this.idle = this.idle.filter((w) => w !== worker);
      this.idle.push(this.start());
      job?.reject(error);
      this.next();
    });
    return worker;
  }

  private release(worker: Worker) {
    this.busy.delete(worker);
    worker.unref();
    this.idle.push(worker);
    this.next();
  }

  private next() {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.ref();
      worker.postMessage(job.task);
    }
  }

  run<T extends LpTask>(task: T): Promise<LpResult<T>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (value: never) => void, reject });
      this.next();
    });
  }
}

const WORKERS = Math.max(1, Math.min(availableParallelism(), 4));
let pool: LpPool | null = null;

/** Solves a task on the process's worker pool (one worker per core, at most four). */
export function solveInWorker<T extends LpTask>(task: T): Promise<LpResult<T>> {
  pool ??= new LpPool(WORKERS);
  return pool.run(task);
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
