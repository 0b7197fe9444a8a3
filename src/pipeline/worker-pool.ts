import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Workers per pool: one per core, at most four. */
export const WORKERS = Math.max(1, Math.min(availableParallelism(), 4));

interface Pending {
  id: number;
  task: unknown;
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

type Answer = { id: number } & ({ ok: true; value: never } | { ok: false; error: string });

/**
 * Worker threads running one module; a task is answered with `{ ok: true, value }` or
 * `{ ok: false, error }`. Each worker holds up to `depth` tasks: with more than one, the next is
 * already waiting in the worker when it answers the last, instead of waiting for this thread to
 * read the answer and send another (a main thread busy for a few milliseconds at a time left the
 * audit's workers idle half the time). A worker that dies is replaced: the task it was on fails
 * with its error, the others it held are sent again. Idle workers do not keep the process alive.
 */
export class WorkerPool<Task, Result> {
  private readonly held = new Map<Worker, Pending[]>();
  private queue: Pending[] = [];
  private nextId = 0;
  private readonly script: URL;
  private readonly depth: number;

  constructor(script: URL, size = WORKERS, depth = 1) {
    this.script = script;
    this.depth = depth;
    for (let i = 0; i < size; i++) this.start();
  }

  private start() {
    const worker = new Worker(this.script);
    worker.unref();
    this.held.set(worker, []);
    // A worker the pool no longer holds was ended by close(): an answer or error it sent on its
    // way out concerns a task already failed.
    worker.on('message', (answer: Answer) => {
      const jobs = this.held.get(worker);
      if (!jobs) return;
      const job = jobs.splice(
        jobs.findIndex((j) => j.id === answer.id),
        1,
      )[0];
      if (jobs.length === 0) worker.unref();
      this.next();
      if (answer.ok) job.resolve(answer.value);
      else job.reject(new Error(answer.error));
    });
    worker.on('error', (error) => {
      if (!this.held.has(worker)) return;
      const [failed, ...waiting] = this.held.get(worker) ?? [];
      this.held.delete(worker);
      this.queue.unshift(...waiting);
      this.start();
      failed?.reject(error);
      this.next();
    });
  }

  private next() {
    while (this.queue.length > 0) {
      // The worker holding the fewest tasks, so that a free one is never passed over.
      const [worker, jobs] = [...this.held].reduce((a, b) => (b[1].length < a[1].length ? b : a));
      if (jobs.length >= this.depth) return;
      this.post(worker, jobs, this.queue.shift()!);
    }
  }

  private post(worker: Worker, jobs: Pending[], job: Pending) {
    jobs.push(job);
    worker.ref();
    worker.postMessage({ id: job.id, task: job.task });
  }

  /**
   * Ends every worker, giving back what they hold (a solver's WebAssembly memory never shrinks).
   * Tasks not yet answered fail; the pool takes no more.
   */
  async close() {
    const workers = [...this.held];
    this.held.clear();
    for (const job of [...workers.flatMap(([, jobs]) => jobs), ...this.queue.splice(0)])
      job.reject(new Error('the worker pool was closed'));
    await Promise.all(workers.map(([worker]) => worker.terminate()));
  }

  /**
   * Sends one task to every worker at once, whatever they already hold: work they share out among
   * themselves (through memory they share), posted in full before this returns.
   */
  everyWorker(task: Task): Promise<Result[]> {
    if (this.held.size === 0) return Promise.reject(new Error('the worker pool is closed'));
    return Promise.all(
      [...this.held].map(
        ([worker, jobs]) =>
          new Promise<Result>((resolve, reject) => {
            this.post(worker, jobs, { id: this.nextId++, task, resolve: resolve as (value: never) => void, reject });
          }),
      ),
    );
  }

  run(task: Task): Promise<Result> {
    return new Promise((resolve, reject) => {
      if (this.held.size === 0) {
        reject(new Error('the worker pool is closed'));
        return;
      }
      this.queue.push({ id: this.nextId++, task, resolve: resolve as (value: never) => void, reject });
      this.next();
    });
  }
}

/** Answers each task a worker is sent with `work`, by the task's id. */
export function serveTasks<Task>(
  port: { on: (event: 'message', f: (message: { id: number; task: Task }) => void) => void; postMessage: (m: unknown) => void },
  work: (task: Task) => unknown,
) {
  port.on('message', async ({ id, task }) => {
    try {
      port.postMessage({ id, ok: true, value: await work(task) });
    } catch (e) {
      port.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
