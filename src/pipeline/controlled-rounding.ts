import type { Relation } from './disclosure.ts';
import { components } from './linear-components.ts';
import { roundInWorkers } from './lp-pool.ts';
import { type RoundingGroup, type RoundingRow, roundOneRow } from './rounding-group.ts';

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

  // Groups of several rows go to the workers, all of them at once and largest first (so that no
  // worker is left with a large programme after the others are done): this thread then rounds the
  // rest directly, and returns to its caller while the workers are still solving.
  const groups = components(rows, choosers.length)
    .sort((a, b) => b.cols.length - a.cols.length)
    .map((group) => ({ ...group, lean: group.cols.map((j) => input.draws[choosers[j]] - remainder[choosers[j]] / base) }));
  const roundUp = (group: RoundingGroup, up: boolean[]) => {
    group.cols.forEach((j, i) => {
      if (up[i]) rounded[choosers[j]] += base;
    });
  };
  const solved = async (several: RoundingGroup[]) => {
    (await roundInWorkers(several)).forEach((up, g) => {
      roundUp(several[g], up);
    });
  };
  const solving = [solved(groups.filter((group) => group.rows.length > 1))];
  const left: RoundingGroup[] = [];
  for (const group of groups) {
    if (group.rows.length > 1) continue;
    // Nearly all of these are rounded directly (roundOneRow), without a solver.
    const up = group.rows.length === 0 ? group.lean.map((l) => l < 0) : roundOneRow(group);
    if (up) roundUp(group, up);
    else left.push(group);
  }
  solving.push(solved(left));
  await Promise.all(solving);
  return rounded;
}
