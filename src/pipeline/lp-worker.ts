import { parentPort } from 'node:worker_threads';
import { auditRegion } from './audit-region.ts';
import { highs } from './linear-components.ts';
import { fromWire, resultToWire, roundSharedGroups, type WireTask } from './lp-transport.ts';
import { roundGroup } from './rounding-group.ts';
import { serveTasks } from './worker-pool.ts';

// Loaded now, while the pipeline reads its input, rather than when the first programme comes. A
// failure to load is each task's to report: unhandled here, it would end the worker, and its
// replacement, in turn.
highs().catch(() => {});

serveTasks<WireTask>(parentPort!, async (wire) => {
  const solver = await highs();
  if (wire.kind === 'round') {
    roundSharedGroups(wire.groups, (group) => roundGroup(solver, group));
    return null;
  }
  return resultToWire(auditRegion(solver, fromWire(wire)));
});
