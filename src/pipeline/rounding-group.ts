import type { Highs } from 'highs';
import { positionsOf, reusedModel } from './linear-components.ts';

/** Breaking a bound costs more than every rounding direction of its component put together. */
const BREAK_COST = 1e4;
/** Breaking an identity, only where no rounding keeps them all, costs more than breaking every bound. */
const IDENTITY_BREAK_COST = 1e7;

/** A row as the rounding reads it: its terms may be views into packed rows (lp-transport.ts), not copies. */
export interface RoundingRow {
  cols: ArrayLike<number>;
  coefs: ArrayLike<number>;
  /** Σ coef·up lies in [lower, upper]. */
  lower: number;
  upper: number;
  soft: boolean;
}

/** The counts of one component that have a choice, the rows among them, and which way each leans. */
export interface RoundingGroup {
  cols: ArrayLike<number>;
  rows: RoundingRow[];
  /** For each column: below zero, the draw says up, and the further below, the surer. */
  lean: ArrayLike<number>;
}

/**
 * Which counts of a group round up. Identities among several tables can leave no rounding that
 * keeps them all (it is guaranteed only for simpler tables): then the fewest are broken, and the
 * audit still checks the result.
 */
export const roundGroup = (solver: Highs, group: RoundingGroup): boolean[] =>
  solveGroup(solver, group, false) ?? solveGroup(solver, group, true)!;

/**
 * The rounding's model on each solver. Symmetry detection finds none to use in its groups (each
 * count leans its own way): without it an integer programme takes 7,9 ms instead of 8,8, with the
 * same answers (77 of 77 sampled). The feasibility-jump heuristic looks for a first whole point,
 * which the branch and bound of a programme this small finds as soon: without it the integer
 * programmes took half the time (451 ms instead of 843–962 for 98 national groups), the same answers.
 */
const roundingModel = (solver: Highs) =>
  reusedModel(solver, 'rounding', { output_flag: false, mip_detect_symmetry: false, mip_heuristic_run_feasibility_jump: false });

/** How near a whole number a relaxation's value must be to be taken as one. */
const WHOLE = 1e-7;

/** Beyond this many counts on a side, a one-row group goes to the solver too (the search below is quadratic). */
const DIRECT_LIMIT = 64;

/**
 * Which counts of a group round up, found directly where the group is one row whose
 * coefficients are all ±1 (a total and its parts, or a part and its whole: seven groups in ten):
 * null otherwise, or where no rounding keeps an identity. With p of the +1 counts up and q of the
 * −1 counts up, the row holds when p − q is in its range, and the cheapest such choice takes the
 * p most eager +1 counts and the q most eager −1 counts. A bound (soft row) may be broken at the
 * solver's price. This is the optimum the solver looks for (it stops within a tolerance of it).
 */
export function roundOneRow(group: RoundingGroup): boolean[] | null {
  if (group.rows.length !== 1) return null;
  const [row] = group.rows;
  const { cols, coefs } = row;
  if (cols.length !== group.cols.length) return null;
  // Each count on its side, in its own numbering; the row's terms read where they lie (copying
  // them first was a second of a national rounding's main thread).
  const local = positionsOf(group.cols);
  const [plus, minus] = [[] as number[], [] as number[]];
  const sided = new Uint8Array(cols.length);
  for (let i = 0; i < cols.length; i++) {
    const j = local.get(cols[i]);
    if (j == null || sided[j] || (coefs[i] !== 1 && coefs[i] !== -1)) return null;
    sided[j] = 1;
    (coefs[i] === 1 ? plus : minus).push(j);
  }
  const eager = (a: number, b: number) => group.lean[a] - group.lean[b];
  plus.sort(eager);
  minus.sort(eager);
  if (plus.length > DIRECT_LIMIT || minus.length > DIRECT_LIMIT) return null;
  /** What taking the first k of a side costs, for each k. */
  const prefix = (cols: number[]) => {
    const sums = [0];
    for (const j of cols) sums.push(sums.at(-1)! + group.lean[j]);
    return sums;
  };
  const [costPlus, costMinus] = [prefix(plus), prefix(minus)];
  let best: { p: number; q: number; cost: number } | null = null;
  for (let p = 0; p <= plus.length; p++) {
    for (let q = 0; q <= minus.length; q++) {
      const sum = p - q;
      const broken = sum < row.lower ? row.lower - sum : sum > row.upper ? sum - row.upper : 0;
      if (broken > 0 && !row.soft) continue;
      const cost = costPlus[p] + costMinus[q] + broken * BREAK_COST;
      if (!best || cost < best.cost) best = { p, q, cost };
    }
  }
  if (!best) return null;
  const up = new Array<boolean>(group.cols.length).fill(false);
  for (const j of [...plus.slice(0, best.p), ...minus.slice(0, best.q)]) up[j] = true;
  return up;
}

/** The rounding directions of one component; null when no rounding keeps its identities (unless `elastic`). */
function solveGroup(solver: Highs, group: RoundingGroup, elastic: boolean): boolean[] | null {
  const { lean } = group;
  const local = positionsOf(group.cols);
  // Columns: one per choosing cell, then slacks (in bases): one per bound, how far it is broken,
  // and with `elastic` two per identity, how far above and below.
  const starts = [0];
  const indices: number[] = [];
  const coefs: number[] = [];
  const slackCost: number[] = [];
  const slack = (coef: number, cost: number) => {
    indices.push(group.cols.length + slackCost.length);
    coefs.push(coef);
    slackCost.push(cost);
  };
  for (const r of group.rows) {
    for (let i = 0; i < r.cols.length; i++) {
      indices.push(local.get(r.cols[i])!);
      coefs.push(r.coefs[i]);
    }
    if (r.soft) slack(1, BREAK_COST);
    else if (elastic) {
      slack(1, IDENTITY_BREAK_COST);
      slack(-1, IDENTITY_BREAK_COST);
    }
    starts.push(indices.length);
  }
  const [cells, rows] = [group.cols.length, group.rows.length];
  const n = cells + slackCost.length;
  // Going against a draw costs as much as the draw was from going the other way: a count whose
  // draw was near its threshold gives way first, which keeps each count's chance of going up
  // close to remainder / base, and so the rounding unbiased. Filled in loops: typed arrays made
  // through a function called for each entry took a national rounding 1,5 s longer (median of five).
  const colCost = new Float64Array(n);
  const colUpper = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (let j = 0; j < cells; j++) {
    colCost[j] = lean[j];
    colUpper[j] = 1;
  }
  for (let k = 0; k < slackCost.length; k++) colCost[cells + k] = slackCost[k];
  const rowLower = new Float64Array(rows);
  const rowUpper = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    rowLower[r] = group.rows[r].lower;
    rowUpper[r] = group.rows[r].upper;
  }
  const model = roundingModel(solver);
  model.passModel({
    numCols: n,
    numRows: rows,
    colCost,
    colLower: new Float64Array(n),
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: rows, numCols: n, starts, indices, values: coefs },
  });
  const { modelStatus } = solver.constants;
  // The linear relaxation first: over these rows (sums of parts, flows, carry-overs) its optimum
  // is nearly always whole already (760 of Quảng Ninh's 762 such groups), and then it is the
  // integer optimum too, found in a third of the time. Where it is not, or the relaxation has
  // no solution (then no rounding has), the integer programme decides. Presolve takes longer
  // than it saves on a relaxation this small (0,24 ms instead of 0,41 on 3.204 sampled national
  // groups), but the integer programme needs it (7,7 ms with it, 11,5 without): same answers.
  model.options.set({ presolve: 'off' });
  model.run();
  const relaxed = model.getModelStatus();
  if (relaxed === modelStatus.optimal) {
    const x = model.getSolution().colValue;
    if (whole(x)) return roundedUp(x, cells);
  } else if (relaxed === modelStatus.infeasible && !elastic) return null;
  model.changeColsIntegrality({ kind: 'range', from: 0, to: n - 1 }, new Int32Array(n).fill(solver.constants.variableType.integer));
  model.options.set({ presolve: 'on' });
  model.run();
  if (model.getModelStatus() !== modelStatus.optimal) {
    if (!elastic) return null;
    throw new Error(`controlled rounding: the solver found no rounding (status ${model.getModelStatus()})`);
  }
  return roundedUp(model.getSolution().colValue, cells);
}

/** Whether every value of a solution is a whole number. */
function whole(x: ArrayLike<number>): boolean {
  for (let j = 0; j < x.length; j++) if (Math.abs(x[j] - Math.round(x[j])) >= WHOLE) return false;
  return true;
}

/** Which of the first `count` columns of a solution are 1. */
function roundedUp(x: ArrayLike<number>, count: number): boolean[] {
  const up = new Array<boolean>(count);
  for (let j = 0; j < count; j++) up[j] = x[j] > 0.5;
  return up;
}
