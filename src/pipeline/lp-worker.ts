import { parentPort } from 'node:worker_threads';
import { auditRegion } from './audit-region.ts';
import { highs } from './linear-components.ts';
import { fromWire, resultToWire, type WireTask } from './lp-transport.ts';
import { roundGroup } from './rounding-group.ts';
import { serveTasks } from './worker-pool.ts';

// Loaded now, while the pipeline reads its input, rather than when the first programme comes. A
// failure to load is each task's to report: unhandled here, it would end the worker, and its
// replacement, in turn.
highs().catch(() => {});

serveTasks<WireTask>(parentPort!, async (wire) => {
  const solver = await highs();
  const task = fromWire(wire);
  return resultToWire(task.kind === 'round' ? roundGroup(solver, task.group) : auditRegion(solver, task.region));
});
