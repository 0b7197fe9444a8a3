import { componentsOf } from './linear-components.ts';
import { roundInWorkers } from './lp-pool.ts';
import { emptyRows, type GroupOfRows, type PackedRows, withRows } from './lp-transport.ts';
import { roundOneRow } from './rounding-group.ts';
import { forEachRelation, type RelationVisitor, type Relations } from './relations.ts';

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
  equalities: Relations;
  /** Σ coef·value ≥ 0, for the true values; kept where the rounding can. */
  inequalities: Relations;
  base: number;
  /** For each cell a number in [0, 1) drawn once (from a key): the cell rounds up when it is below remainder / base. Unread for a multiple of the base. */
  draws: Float64Array;
}

/** Rounds every cell; the result obeys the equalities and, wherever possible, the inequalities. */
export async function roundControlled(input: RoundingInput): Promise<number[]> {
  const { rounded, solving } = startRounding(input);
  await Promise.all(solving);
  return rounded;
}

/**
 * Rounds what needs no solver and posts the rest to the workers: `rounded` is complete once
 * `solving` is. Everything else it makes is left behind when it returns, for the caller to use
 * the memory while the workers solve.
 */
function startRounding(input: RoundingInput): { rounded: number[]; solving: Promise<void>[] } {
  // Not `input` itself in the closures below: they live until the workers answer, and it holds every relation.
  const { values, base, draws } = input;
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
  let rows: PackedRows | null = roundingRows(input, column, down);
  // Groups of several rows go to the workers, all of them at once and largest first (so that no
  // worker is left with a large programme after the others are done): this thread then rounds the
  // rest directly, and returns to its caller while the workers are still solving.
  const groups = componentsOf(rows, choosers.length)
    .sort((a, b) => b.cols.length - a.cols.length)
    .map((group) => ({ ...group, lean: group.cols.map((j) => draws[choosers[j]] - remainder[choosers[j]] / base) }));
  const roundUp = (cols: number[], up: boolean[]) => {
    cols.forEach((j, i) => {
      if (up[i]) rounded[choosers[j]] += base;
    });
  };
  const solved = (packed: PackedRows, several: GroupOfRows[]) => {
    // Only the columns are kept while the workers solve: the rows are theirs by then.
    const cols = several.map((group) => group.cols);
    return roundInWorkers(packed, several).then((ups) => {
      ups.forEach((up, g) => {
        roundUp(cols[g], up);
      });
    });
  };
  const solving = [
    solved(
      rows,
      groups.filter((group) => group.rows.length > 1),
    ),
  ];
  const left: GroupOfRows[] = [];
  for (const group of groups) {
    if (group.rows.length > 1) continue;
    // Nearly all of these are rounded directly (roundOneRow), without a solver.
    const up = group.rows.length === 0 ? group.lean.map((l) => l < 0) : roundOneRow(withRows(rows, group));
    if (up) roundUp(group.cols, up);
    else left.push(group);
  }
  solving.push(solved(rows, left));
  // The rows are the workers' now (read where they lie in shared memory): held here too, they would
  // live as long as the answers are awaited, since the callbacks that read them share this scope.
  rows = null;
  return { rounded, solving };
}

/**
 * Each identity and bound in multiples of the base, over the cells with a choice (column j is
 * cell j's "rounded up", 0 or 1): Σ coef·(down + up) = 0 for an equality, ≥ 0 for a bound.
 * Packed, counted first and then written: a national dataset has millions of them, which as
 * objects were a gigabyte while the audit was being set up beside them.
 */
function roundingRows({ values, equalities, inequalities }: RoundingInput, column: Int32Array, down: number[]): PackedRows {
  const eachRelation = (visit: (soft: boolean) => RelationVisitor) => {
    forEachRelation(equalities, visit(false));
    forEachRelation(inequalities, visit(true));
  };
  let [rowCount, entries] = [0, 0];
  eachRelation((soft) => (cells, coefs, from, to) => {
    let exactSum = 0;
    let choosing = 0;
    for (let t = from; t < to; t++) {
      exactSum += coefs[t] * values[cells[t]];
      if (column[cells[t]] >= 0) choosing += 1;
    }
    if (!soft && Math.abs(exactSum) > 1e-9) throw new Error(`controlled rounding: an identity does not hold in the data (${exactSum})`);
    if (choosing > 0) [rowCount, entries] = [rowCount + 1, entries + choosing];
  });
  // In shared memory: the workers read the groups' rows where they are, not a copy each.
  const rows = emptyRows(rowCount, entries, true);
  let [row, at] = [0, 0];
  eachRelation((soft) => (cells, coefs, from, to) => {
    let fixed = 0;
    const first = at;
    for (let t = from; t < to; t++) {
      const c = cells[t];
      fixed += coefs[t] * down[c];
      if (column[c] >= 0) {
        rows.cols[at] = column[c];
        rows.coefs[at++] = coefs[t];
      }
    }
    if (at === first) return;
    rows.starts[row + 1] = at;
    rows.lower[row] = -fixed;
    rows.upper[row] = soft ? Number.POSITIVE_INFINITY : -fixed;
    rows.tag[row++] = soft ? 1 : 0;
  });
  return rows;
}
