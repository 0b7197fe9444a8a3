import type { Highs } from 'highs';
import type { Relation } from './disclosure.ts';
import { components, highs } from './linear-components.ts';

/**
 * Controlled random rounding: every count becomes one of the two multiples of the base next to it
 * (a multiple stays as it is), at random in proportion to how close it is, so that on average
 * nothing moves; and every identity the counts obey still holds exactly after rounding (a stock
 * still moves by its flows, a complement is still its whole less its part). Where a bound cannot
 * be kept too, the rounding breaks as few as it can. Statistics New Zealand and the UK census round
 * tables this way; the controlled version is what τ-ARGUS offers for linked tables.
 */
export interface RoundingInput {
  values: number[];
  /** Σ coef·value = 0, for the true values; kept exactly. */
  equalities: Relation[];
  /** Σ coef·value ≥ 0, for the true values; kept where the rounding can. */
  inequalities: Relation[];
  base: number;
  /** For each cell a number in [0, 1) drawn once (from a key): the cell rounds up when it is below remainder / base. */
  draws: Float64Array;
}

/** Breaking a bound costs more than every rounding direction of its component put together. */
const BREAK_COST = 1e4;
/** Breaking an identity, only where no rounding keeps them all, costs more than breaking every bound. */
const IDENTITY_BREAK_COST = 1e7;

interface Row {
  cols: number[];
  coefs: number[];
  /** Σ coef·up lies in [lower, upper]. */
  lower: number;
  upper: number;
  soft: boolean;
}

/** Rounds every cell; the result obeys the equalities and, wherever possible, the inequalities. */
export async function roundControlled(input: RoundingInput): Promise<number[]> {
  const { values, base } = input;
  const down = values.map((v) => Math.floor(v / base));
  const remainder = values.map((v, i) => v - down[i] * base);
  const rounded = down.map((q) => q * base);
  // Only a cell with a remainder has a choice: column j is its "rounded up" (0 or 1).
  const column = new Int32Array(values.length).fill(-1);
  const choosers: number[] = [];
  remainder.forEach((r, c) => {
    if (r > 0) {
      column[c] = choosers.length;
      choosers.push(c);
    }
  });
  const rows: Row[] = [];
  const toRow = (rel: Relation, soft: boolean) => {
    // In multiples of the base: Σ coef·(down + up) = 0 for an equality, ≥ 0 for a bound.
    let fixed = 0;
    let exactSum = 0;
    const cols: number[] = [];
    const coefs: number[] = [];
    rel.cells.forEach((c, i) => {
      fixed += rel.coefs[i] * down[c];
      exactSum += rel.coefs[i] * values[c];
      if (column[c] >= 0) {
        cols.push(column[c]);
        coefs.push(rel.coefs[i]);
      }
    });
    if (!soft && Math.abs(exactSum) > 1e-9) throw new Error(`controlled rounding: an identity does not hold in the data (${exactSum})`);
    if (cols.length === 0) return;
    rows.push({ cols, coefs, lower: -fixed, upper: soft ? Number.POSITIVE_INFINITY : -fixed, soft });
  };
  for (const r of input.equalities) toRow(r, false);
  for (const r of input.inequalities) toRow(r, true);

  const solver = await highs();
  for (const group of components(rows, choosers.length)) {
    // Below zero: the draw says up, and the further below, the surer.
    const lean = group.cols.map((j) => input.draws[choosers[j]] - remainder[choosers[j]] / base);
    if (group.rows.length === 0) {
      group.cols.forEach((j, i) => {
        if (lean[i] < 0) rounded[choosers[j]] += base;
      });
      continue;
    }
    // Identities among several tables can leave no rounding that keeps them all (it is guaranteed
    // only for simpler tables): then the fewest are broken, and the audit still checks the result.
    const up = solveGroup(solver, group, lean, false) ?? solveGroup(solver, group, lean, true)!;
    group.cols.forEach((j, i) => {
      if (up[i]) rounded[choosers[j]] += base;
    });
  }
  return rounded;
}

/** The rounding directions of one component; null when no rounding keeps its identities (unless `elastic`). */
function solveGroup(solver: Highs, group: { cols: number[]; rows: Row[] }, lean: number[], elastic: boolean): boolean[] | null {
  const local = new Map(group.cols.map((c, i) => [c, i]));
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
    r.cols.forEach((c, i) => {
      indices.push(local.get(c)!);
      coefs.push(r.coefs[i]);
    });
    if (r.soft) slack(1, BREAK_COST);
    else if (elastic) {
      slack(1, IDENTITY_BREAK_COST);
      slack(-1, IDENTITY_BREAK_COST);
    }
    starts.push(indices.length);
  }
  const n = group.cols.length + slackCost.length;
  // Going against a draw costs as much as the draw was from going the other way: a count whose
  // draw was near its threshold gives way first, which keeps each count's chance of going up
  // close to remainder / base, and so the rounding unbiased.
  const colCost = Float64Array.from({ length: n }, (_, j) => (j < group.cols.length ? lean[j] : slackCost[j - group.cols.length]));
  const model = solver.createModel({
    numCols: n,
    numRows: group.rows.length,
    colCost,
    colLower: new Float64Array(n),
    colUpper: Float64Array.from({ length: n }, (_, j) => (j < group.cols.length ? 1 : Number.POSITIVE_INFINITY)),
    rowLower: Float64Array.from(group.rows, (r) => r.lower),
    rowUpper: Float64Array.from(group.rows, (r) => r.upper),
    matrix: { format: 'csr', numRows: group.rows.length, numCols: n, starts, indices, values: coefs },
    integrality: Int32Array.from({ length: n }, () => solver.constants.variableType.integer),
  });
  try {
    model.options.set({ output_flag: false });
    model.run();
    if (model.getModelStatus() !== solver.constants.modelStatus.optimal) {
      if (!elastic) return null;
      throw new Error(`controlled rounding: the solver found no rounding (status ${model.getModelStatus()})`);
    }
    const x = model.getSolution().colValue;
    return group.cols.map((_, i) => x[i] > 0.5);
  } finally {
    model.dispose();
  }
}
