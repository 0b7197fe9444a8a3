import type { Highs } from 'highs';
import { positionsOf, reusedModel } from './linear-components.ts';

const EPS = 1e-6;
const WITNESS_ROUNDS = 12;

/** One region of the interval audit, its cells numbered 0…n−1. */
export interface AuditRegion {
  /**
   * lower ≤ Σ coef·cell ≤ upper; `source` numbers the constraint for the report. On a worker the
   * terms are views of the rows as they were posted (lp-transport.ts), not copies.
   */
  rows: (LinearRow & { source: number })[];
  /** What a reader knows of each cell before any identity: its band, its rounding range, or ≥ 0. */
  colLower: number[];
  colUpper: number[];
  /** The range each cell is already known to take (from feasible points found so far). */
  lo: number[];
  hi: number[];
  /** The width each cell's range must reach (−∞ for a cell that need not be protected). */
  need: number[];
  /** Whether a cell left unproven gets its exact minimum and maximum. */
  exact: boolean;
  /** Beyond this many unproven cells, none is solved exactly (cheap rounds). */
  exactLimit: number;
}

export interface AuditRegionResult {
  lo: number[];
  hi: number[];
  /** For each cell solved exactly, the constraints that hold its minimum or maximum. */
  binding: [number, number[]][];
  solves: number;
}

/**
 * Widens each cell's known range by feasible points of the region, and gives a cell still
 * narrower than it must be its exact min and max by linear programming (HiGHS). Every point found
 * satisfies every constraint, so a range only ever grows to what a reader cannot rule out.
 */
export function auditRegion(solver: Highs, region: AuditRegion): AuditRegionResult {
  const n = region.colLower.length;
  const lo = [...region.lo];
  const hi = [...region.hi];
  const binding: [number, number[]][] = [];
  let solves = 0;
  const widthOf = (i: number) => Math.floor(hi[i] + EPS) - Math.ceil(lo[i] - EPS);
  const targets = () => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (widthOf(i) < region.need[i]) out.push(i);
    return out;
  };
  const starts = [0];
  const indices: number[] = [];
  const coefs: number[] = [];
  for (const r of region.rows) {
    for (let i = 0; i < r.cols.length; i++) {
      indices.push(r.cols[i]);
      coefs.push(r.coefs[i]);
    }
    starts.push(indices.length);
  }
  // Without presolve: it reduces each programme afresh, and the audit's are small and solved
  // again and again with new costs from the last basis (a quarter less of the workers' time at
  // national scale, a sixth for Quảng Ninh's).
  const model = reusedModel(solver, 'audit', { output_flag: false, presolve: 'off' });
  model.passModel({
    numCols: n,
    numRows: region.rows.length,
    colCost: new Float64Array(n),
    colLower: Float64Array.from(region.colLower),
    colUpper: Float64Array.from(region.colUpper),
    rowLower: Float64Array.from(region.rows, (r) => r.lower),
    rowUpper: Float64Array.from(region.rows, (r) => r.upper),
    matrix: { format: 'csr', numRows: region.rows.length, numCols: n, starts, indices, values: coefs },
  });
  const solve = (costs: Float64Array, sense: 'minimize' | 'maximize') => {
    model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, costs);
    model.changeObjectiveSense(solver.constants.objectiveSense[sense]);
    model.run();
    solves += 1;
    if (model.getModelStatus() !== solver.constants.modelStatus.optimal) {
      throw new Error(`interval audit: the published figures admit no solution (status ${model.getModelStatus()})`);
    }
    return model.getSolution();
  };
  const widen = (x: ArrayLike<number>) => {
    for (let i = 0; i < n; i++) {
      if (x[i] < lo[i]) lo[i] = x[i];
      if (x[i] > hi[i]) hi[i] = x[i];
    }
  };
  // Pushing every still-narrow cell at once (a sum of parts cannot move, its parts can) proves
  // most cells wide in a few solves. Each goes towards the side its bounds leave more room on
  // beyond what was seen, at random where both leave as much: half the solves of pushing each
  // way at random every time.
  let random = 0x9e3779b9 ^ n;
  const sign = () => {
    random ^= random << 13;
    random ^= random >>> 17;
    random ^= random << 5;
    return random & 1 ? 1 : -1;
  };
  for (let round = 0, stalled = 0; round < WITNESS_ROUNDS && stalled < 2; round++) {
    const narrow = targets();
    if (narrow.length === 0) break;
    const costs = new Float64Array(n);
    for (const i of narrow) {
      const [up, down] = [region.colUpper[i] - hi[i], lo[i] - region.colLower[i]];
      costs[i] = up > down ? 1 : up < down ? -1 : sign();
    }
    widen(solve(costs, 'maximize').colValue);
    stalled = targets().length === narrow.length ? stalled + 1 : 0;
  }
  const unproven = region.exact ? targets() : [];
  for (const i of unproven.length <= region.exactLimit ? unproven : []) {
    const costs = new Float64Array(n);
    costs[i] = 1;
    const held = new Set<number>();
    // The side with more room first: its extreme often proves the cell wide, and a wide cell
    // needs neither its other extreme nor what holds it (9 % fewer of the audit's solves at national scale).
    const up = region.colUpper[i] - hi[i] >= lo[i] - region.colLower[i];
    for (const sense of up ? (['maximize', 'minimize'] as const) : (['minimize', 'maximize'] as const)) {
      if (widthOf(i) >= region.need[i]) break;
      const { colValue, rowDual } = solve(costs, sense);
      widen(colValue);
      rowDual.forEach((d, r) => {
        if (Math.abs(d) > EPS) held.add(region.rows[r].source);
      });
    }
    if (widthOf(i) < region.need[i]) binding.push([i, [...held]]);
  }
  return { lo, hi, binding, solves };
}

/** A row lower ≤ Σ coef·cell ≤ upper, each cell named once. */
export interface LinearRow {
  cols: ArrayLike<number>;
  coefs: ArrayLike<number>;
  lower: number;
  upper: number;
}

/** Room for what rows of up to `terms` cells imply, to be written again for each row. */
export const impliedRoom = (terms: number) => ({
  low: new Float64Array(terms),
  high: new Float64Array(terms),
  min: new Float64Array(terms),
  max: new Float64Array(terms),
});

/**
 * What one row implies for each of its cells, given bounds `lo` and `hi` on all of them: a·x lies
 * within [lower − what the others reach at most, upper − what they reach at least]. Over a box
 * that is exactly each cell's range under the row. `least` and `most` are what the whole row can
 * reach; a zero coefficient implies nothing. Written into `room` (its first entries, one a cell of
 * the row): the audit's bound propagation calls this for every row of a national dataset, where
 * arrays made for each call were seconds of garbage collection.
 */
export const impliedByRow = (row: LinearRow, lo: ArrayLike<number>, hi: ArrayLike<number>, room = impliedRoom(row.cols.length)) =>
  impliedByTerms(row, 0, row.cols.length, row.lower, row.upper, lo, hi, room);

/**
 * impliedByRow for the row whose terms are entries `from`…`to` − 1 of `terms` (a row of a packed
 * set, read where it lies).
 */
export function impliedByTerms(
  terms: Pick<LinearRow, 'cols' | 'coefs'>,
  from: number,
  to: number,
  lower: number,
  upper: number,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
  room: ReturnType<typeof impliedRoom>,
) {
  const { cols, coefs } = terms;
  const { low, high, min, max } = room;
  let least = 0;
  let most = 0;
  for (let i = 0, k = from; k < to; i++, k++) {
    const [a, b] = [coefs[k] * lo[cols[k]], coefs[k] * hi[cols[k]]];
    low[i] = Math.min(a, b);
    high[i] = Math.max(a, b);
    least += low[i];
    most += high[i];
  }
  for (let i = 0, k = from; k < to; i++, k++) {
    const a = coefs[k];
    const below = (lower - (most - high[i])) / a;
    const above = (upper - (least - low[i])) / a;
    min[i] = a === 0 ? Number.NEGATIVE_INFINITY : a > 0 ? below : above;
    max[i] = a === 0 ? Number.POSITIVE_INFINITY : a > 0 ? above : below;
  }
  return { min, max, least, most };
}

/**
 * A region of one row (a total and its unpublished parts: nine audit solves in ten for Quảng
 * Ninh), without a solver: each cell's range under the row within its own bounds (impliedByRow).
 * That is exactly the minimum and maximum the solver finds, each reached by a point that
 * satisfies the row.
 */
export function auditOneRow(region: AuditRegion): AuditRegionResult {
  const [row] = region.rows;
  if (region.rows.length !== 1 || new Set(Array.from(row.cols)).size !== row.cols.length)
    throw new Error('auditOneRow: a region of one row, each cell once');
  const implied = impliedByRow(row, region.colLower, region.colUpper);
  if (implied.least > row.upper + EPS || implied.most < row.lower - EPS) {
    throw new Error('interval audit: the published figures admit no solution (a total is out of reach of its parts)');
  }
  const lo = [...region.lo];
  const hi = [...region.hi];
  const binding: [number, number[]][] = [];
  const at = positionsOf(row.cols);
  for (let j = 0; j < lo.length; j++) {
    let [min, max] = [region.colLower[j], region.colUpper[j]];
    let held = false;
    const i = at.get(j);
    if (i !== undefined && implied.min[i] > min) [min, held] = [implied.min[i], true];
    if (i !== undefined && implied.max[i] < max) [max, held] = [implied.max[i], true];
    lo[j] = Math.min(lo[j], min);
    hi[j] = Math.max(hi[j], max);
    if (Math.floor(hi[j] + EPS) - Math.ceil(lo[j] - EPS) < region.need[j]) binding.push([j, held ? [row.source] : []]);
  }
  // What holds a narrow cell is reported as the solver would: where it would have solved them one by one.
  return { lo, hi, binding: region.exact && binding.length <= region.exactLimit ? binding : [], solves: 0 };
}
