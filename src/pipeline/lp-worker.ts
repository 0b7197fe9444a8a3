import { parentPort } from 'node:worker_threads';
import { auditRegion } from './audit-region.ts';
import { highs } from './linear-components.ts';
import type { LpTask } from './lp-pool.ts';
import { roundGroup } from './rounding-group.ts';
import { serveTasks } from './worker-pool.ts';

serveTasks<LpTask>(parentPort!, async (task) => {
  const solver = await highs();
  return task.kind === 'round' ? roundGroup(solver, task.group) : auditRegion(solver, task.region);
});
