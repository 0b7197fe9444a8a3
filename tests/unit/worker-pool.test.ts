import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/pipeline/worker-pool.ts';
import type { SleepyTask } from '../fixtures/workers/sleepy-worker.ts';

const script = new URL('../fixtures/workers/sleepy-worker.ts', import.meta.url);

describe('worker pool', () => {
  it('answers each task with its own result when workers hold several and finish them out of order', async () => {
    const pool = new WorkerPool<SleepyTask, number>(script, 2, 3);
    const tasks = Array.from({ length: 24 }, (_, i) => ({ value: i, ms: (i * 7) % 5 }));
    expect(await Promise.all(tasks.map((t) => pool.run(t)))).toEqual(tasks.map((t) => t.value * 2));
  });

  it('fails a task with its error, and goes on with the others', async () => {
    const pool = new WorkerPool<SleepyTask, number>(script, 1, 2);
    const [failed, answered] = await Promise.allSettled([pool.run({ value: 1, ms: 0, outcome: 'throw' }), pool.run({ value: 2, ms: 0 })]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { message: 'no answer for 1' } });
    expect(answered).toEqual({ status: 'fulfilled', value: 4 });
  });

  it('replaces a worker that dies: its task fails, the ones it held are sent again and answered', async () => {
    const pool = new WorkerPool<SleepyTask, number>(script, 1, 3);
    // The worker dies while the two tasks after the first are still in its hands.
    const runs = [pool.run({ value: 1, ms: 0, outcome: 'die' }), pool.run({ value: 2, ms: 50 }), pool.run({ value: 3, ms: 50 })];
    const [died, ...rest] = await Promise.allSettled(runs);
    expect(died).toMatchObject({ status: 'rejected', reason: { message: 'the worker died' } });
    expect(rest).toEqual([
      { status: 'fulfilled', value: 4 },
      { status: 'fulfilled', value: 6 },
    ]);
  });

  it('sends a task to every worker at once, past the tasks they hold, and answers with the result of each', async () => {
    const pool = new WorkerPool<SleepyTask, number>(script, 3, 1);
    const held = [pool.run({ value: 1, ms: 50 }), pool.run({ value: 2, ms: 50 }), pool.run({ value: 3, ms: 50 })];
    expect(await pool.everyWorker({ value: 5, ms: 0 })).toEqual([10, 10, 10]);
    expect(await Promise.all(held)).toEqual([2, 4, 6]);
    await pool.close();
    await expect(pool.everyWorker({ value: 1, ms: 0 })).rejects.toThrow('the worker pool is closed');
  });

  it('closes: the tasks not yet answered fail, and it takes no more', async () => {
    const pool = new WorkerPool<SleepyTask, number>(script, 1, 1);
    expect(await pool.run({ value: 1, ms: 0 })).toBe(2);
    const unanswered = Promise.allSettled([pool.run({ value: 2, ms: 500 }), pool.run({ value: 3, ms: 0 })]);
    await pool.close();
    expect(await unanswered).toEqual([
      { status: 'rejected', reason: new Error('the worker pool was closed') },
      { status: 'rejected', reason: new Error('the worker pool was closed') },
    ]);
    await expect(pool.run({ value: 4, ms: 0 })).rejects.toThrow('the worker pool is closed');
  });
});
