import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Workers per pool: one per core, at most four. */
export const WORKERS = Math.max(1, Math.min(availableParallelism(), 4));

interface Pending {
  task: unknown;
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads running one module, each given one task at a time; a task is answered with
 * `{ ok: true, value }` or `{ ok: false, error }`. A worker that dies is replaced and its task
 * fails with its error. Idle workers do not keep the process alive.
 */
export class WorkerPool<Task, Result> {
  private idle: Worker[] = [];
  private queue: Pending[] = [];
  private busy = new Map<Worker, Pending>();

  private readonly script: URL;

  constructor(script: URL, size = WORKERS) {
    this.script = script;
    for (let i = 0; i < size; i++) this.idle.push(this.start());
  }

  private start(): Worker {
    const worker = new Worker(this.script);
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

  run(task: Task): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (value: never) => void, reject });
      this.next();
    });
  }
}

/** Answers each task a worker is sent with `work`, one at a time (the pool sends the next only after an answer). */
export function serveTasks<Task>(
  port: { on: (event: 'message', f: (task: Task) => void) => void; postMessage: (m: unknown) => void },
  work: (task: Task) => unknown,
) {
  port.on('message', async (task) => {
    try {
      port.postMessage({ ok: true, value: await work(task) });
    } catch (e) {
      port.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
