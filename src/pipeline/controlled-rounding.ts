import type { Relation } from './disclosure.ts';
import { components } from './linear-components.ts';
import { solveEach, solveInWorker } from './lp-pool.ts';
import { type RoundingRow, roundOneRow } from './rounding-group.ts';

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
  /** For each cell a number in [0, 1) drawn once (from a key): the cell rounds up when it is below remainder / base. Unread for a multiple of the base. */
  draws: Float64Array;
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
  const rows: RoundingRow[] = [];
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

  // Largest first, so that no worker is left with a large programme after the others are done.
  const groups = components(rows, choosers.length).sort((a, b) => b.cols.length - a.cols.length);
  await solveEach(
    groups,
    async (group) => {
      const lean = group.cols.map((j) => input.draws[choosers[j]] - remainder[choosers[j]] / base);
      const up =
        group.rows.length === 0
          ? lean.map((l) => l < 0)
          : (roundOneRow({ ...group, lean }) ?? (await solveInWorker({ kind: 'round', group: { ...group, lean } })));
      group.cols.forEach((j, i) => {
        if (up[i]) rounded[choosers[j]] += base;
      });
    },
    // Nearly all of these are rounded directly (roundOneRow), without a solver.
    (group) => group.rows.length <= 1,
  );
  return rounded;
}
