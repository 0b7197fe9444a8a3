import { parentPort } from 'node:worker_threads';
import { auditRegion } from './audit-region.ts';
import { highs } from './linear-components.ts';
import { fromWire, resultToWire, type WireTask } from './lp-transport.ts';
import { draw } from './rounding-draws.ts';
import { roundGroup } from './rounding-group.ts';
import { serveTasks } from './worker-pool.ts';

// Loaded now, while the pipeline reads its input, rather than when the first programme comes. A
// failure to load is each task's to report: unhandled here, it would end the worker, and its
// replacement, in turn.
highs().catch(() => {});

serveTasks<WireTask>(parentPort!, async (wire) => {
  const task = fromWire(wire);
  if (task.kind === 'draws') return resultToWire(Float64Array.from(task.cells, (cell) => draw(task.key, cell)));
  const solver = await highs();
  return resultToWire(task.kind === 'round' ? roundGroup(solver, task.group) : auditRegion(solver, task.region));
});
