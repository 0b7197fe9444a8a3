import { parentPort } from 'node:worker_threads';
import { auditRegion } from './audit-region.ts';
import { highs } from './linear-components.ts';
import type { LpTask } from './lp-pool.ts';
import { roundGroup } from './rounding-group.ts';

// One task at a time: the pool sends the next only after this one's answer.
parentPort!.on('message', async (task: LpTask) => {
  try {
    const solver = await highs();
    const value = task.kind === 'round' ? roundGroup(solver, task.group) : auditRegion(solver, task.region);
    parentPort!.postMessage({ ok: true, value });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
