import loadHighs, { type Highs } from 'highs';
import type { Relation } from './disclosure.ts';

/** What a reader sees of a cell: its value, a band of small counts, or nothing. */
export const PUBLISHED = 0;
export const BANDED = 1;
export const WITHHELD = 2;
/** A count nobody publishes but anyone can work out where its parts are published (households not ethnic-minority). */
export const DERIVED = 3;

/** Σ coef·cell ≥ 0: a bound a reader knows (a part is at most its whole, a stock at least its flows out). */
export type Inequality = Relation;

export interface AuditInput {
  values: number[];
  /** PUBLISHED, BANDED, WITHHELD or DERIVED for each cell; a DERIVED cell is unknown but need not be protected. */
  state: Uint8Array;
  equalities: Relation[];
  inequalities: Inequality[];
  /** The band a small count is published as, [1, threshold − 1]. */
  band: [number, number];
  /** The narrowest interval (max − min, in whole households) any unpublished cell may have. */
  width: number;
}

/**
 * With `exactLimit`, a component with more cells left unproven by the feasible points than that
 * reports them as narrow without solving each (their intervals are then only what was seen):
 * cheap rounds while protection is still being added.
 */

export interface AuditResult {
  /** Unpublished cells checked. */
  checked: number;
  /**
   * Cells whose interval is narrower than the width, with the interval a reader can work out and
   * the constraints that hold it (equalities numbered first, then inequalities).
   */
  narrow: { cell: number; min: number; max: number; binding: number[] }[];
  /** No unpublished cell's interval is narrower than this (in whole households). */
  narrowestWidth: number;
  /** Linear programmes solved. */
  solves: number;
}

/** Any count in a province is far below this: a withheld cell bounded by nothing else is bounded here. */
const CAP = 1e7;
const EPS = 1e-6;
const WITNESS_ROUNDS = 12;

let highsRuntime: Promise<Highs> | null = null;
const highs = () => {
  highsRuntime ??= loadHighs();
  return highsRuntime;
};

interface Row {
  source: number;
  cols: number[];
  coefs: number[];
  lower: number;
  upper: number;
}

/** Substitutes published values into each constraint; keeps those that still involve an unknown. */
function rowsOverUnknowns(input: AuditInput, column: Int32Array): Row[] {
  const rows: Row[] = [];
  const add = (r: Relation, equality: boolean, source: number) => {
    let constant = 0;
    const cols: number[] = [];
    const coefs: number[] = [];
    r.cells.forEach((c, i) => {
      if (column[c] < 0) constant += r.coefs[i] * input.values[c];
      else {
        const at = cols.indexOf(column[c]);
        if (at >= 0) coefs[at] += r.coefs[i];
        else {
          cols.push(column[c]);
          coefs.push(r.coefs[i]);
        }
      }
    });
    if (cols.length === 0) return;
    rows.push({ source, cols, coefs, lower: -constant, upper: equality ? -constant : Number.POSITIVE_INFINITY });
  };
  input.equalities.forEach((r, i) => {
    add(r, true, i);
  });
  input.inequalities.forEach((r, i) => {
    add(r, false, input.equalities.length + i);
  });
  return rows;
}

/** Unknowns that share a constraint are solved together; the rest never affect each other. */
function components(rows: Row[], columns: number): { cols: number[]; rows: Row[] }[] {
  const parent = Int32Array.from({ length: columns }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const r of rows) for (const c of r.cols.slice(1)) parent[find(c)] = find(r.cols[0]);
  const byRoot = new Map<number, { cols: number[]; rows: Row[] }>();
  const of = (root: number) => {
    let g = byRoot.get(root);
    if (!g) {
      g = { cols: [], rows: [] };
      byRoot.set(root, g);
    }
    return g;
  };
  for (let c = 0; c < columns; c++) of(find(c)).cols.push(c);
  for (const r of rows) of(find(r.cols[0])).rows.push(r);
  return [...byRoot.values()];
}

/**
 * The interval a reader can work out for every banded or withheld cell from everything published,
 * every identity and every bound: min and max by linear programming (HiGHS). Feasible points found
 * on the way widen each cell's known range; a cell still narrower than the width gets its own
 * exact min and max. Integrality is used only to round the bounds inward.
 */
export async function auditIntervals(input: AuditInput, exactLimit = Number.POSITIVE_INFINITY): Promise<AuditResult> {
  const solver = await highs();
  const column = new Int32Array(input.values.length).fill(-1);
  const cells: number[] = [];
  input.state.forEach((s, c) => {
    if (s !== PUBLISHED) {
      column[c] = cells.length;
      cells.push(c);
    }
  });
  const lo = Float64Array.from(cells, (c) => input.values[c]);
  const hi = Float64Array.from(cells, (c) => input.values[c]);
  const binding = new Map<number, Set<number>>();
  const lowerOf = (j: number) => (input.state[cells[j]] === BANDED ? input.band[0] : 0);
  const upperOf = (j: number) => (input.state[cells[j]] === BANDED ? input.band[1] : CAP);
  const widthOf = (j: number) => Math.floor(hi[j] + EPS) - Math.ceil(lo[j] - EPS);
  let solves = 0;

  for (const group of components(rowsOverUnknowns(input, column), cells.length)) {
    const local = new Map(group.cols.map((c, i) => [c, i]));
    if (group.rows.length === 0) {
      for (const j of group.cols) {
        lo[j] = lowerOf(j);
        hi[j] = upperOf(j);
      }
      continue;
    }
    const starts = [0];
    const indices: number[] = [];
    const coefs: number[] = [];
    for (const r of group.rows) {
      r.cols.forEach((c, i) => {
        indices.push(local.get(c)!);
        coefs.push(r.coefs[i]);
      });
      starts.push(indices.length);
    }
    const model = solver.createModel({
      numCols: group.cols.length,
      numRows: group.rows.length,
      colCost: new Float64Array(group.cols.length),
      colLower: Float64Array.from(group.cols, lowerOf),
      colUpper: Float64Array.from(group.cols, upperOf),
      rowLower: Float64Array.from(group.rows, (r) => r.lower),
      rowUpper: Float64Array.from(group.rows, (r) => r.upper),
      matrix: { format: 'csr', numRows: group.rows.length, numCols: group.cols.length, starts, indices, values: coefs },
    });
    try {
      model.options.set({ output_flag: false });
      const solve = (costs: Float64Array, sense: 'minimize' | 'maximize') => {
        model.changeColsCost({ kind: 'range', from: 0, to: group.cols.length - 1 }, costs);
        model.changeObjectiveSense(solver.constants.objectiveSense[sense]);
        model.run();
        solves += 1;
        if (model.getModelStatus() !== solver.constants.modelStatus.optimal) {
          throw new Error(`interval audit: the published figures admit no solution (status ${model.getModelStatus()})`);
        }
        return model.getSolution();
      };
      const widen = (x: ArrayLike<number>) =>
        group.cols.forEach((j, i) => {
          if (x[i] < lo[j]) lo[j] = x[i];
          if (x[i] > hi[j]) hi[j] = x[i];
        });
      const open = () => group.cols.filter((j) => input.state[cells[j]] !== DERIVED && widthOf(j) < input.width);
      // Pushing every still-narrow cell at once, each up or down at random (a sum of parts cannot
      // move, its parts can), proves most cells wide in a few solves.
      let random = 0x9e3779b9 ^ group.cols.length;
      const sign = () => {
        random ^= random << 13;
        random ^= random >>> 17;
        random ^= random << 5;
        return random & 1 ? 1 : -1;
      };
      for (let round = 0, stalled = 0; round < WITNESS_ROUNDS && stalled < 2; round++) {
        const narrow = open();
        if (narrow.length === 0) break;
        const costs = new Float64Array(group.cols.length);
        for (const j of narrow) costs[local.get(j)!] = sign();
        widen(solve(costs, 'maximize').colValue);
        const left = open().length;
        stalled = left === narrow.length ? stalled + 1 : 0;
      }
      const unproven = open();
      for (const j of unproven.length <= exactLimit ? unproven : []) {
        const costs = new Float64Array(group.cols.length);
        costs[local.get(j)!] = 1;
        const held = new Set<number>();
        for (const sense of ['maximize', 'minimize'] as const) {
          const { colValue, rowDual } = solve(costs, sense);
          if (sense === 'maximize') hi[j] = colValue[local.get(j)!];
          else lo[j] = colValue[local.get(j)!];
          rowDual.forEach((d, r) => {
            if (Math.abs(d) > EPS) held.add(group.rows[r].source);
          });
        }
        binding.set(j, held);
      }
    } finally {
      model.dispose();
    }
  }
  const narrow: AuditResult['narrow'] = [];
  let narrowestWidth = Number.POSITIVE_INFINITY;
  cells.forEach((c, j) => {
    if (input.state[c] === DERIVED) return;
    const w = widthOf(j);
    narrowestWidth = Math.min(narrowestWidth, w);
    // + 0: a minimum of −0 reads as 0.
    if (w < input.width)
      narrow.push({ cell: c, min: Math.ceil(lo[j] - EPS) + 0, max: Math.floor(hi[j] + EPS), binding: [...(binding.get(j) ?? [])] });
  });
  return {
    checked: cells.length - cells.filter((c) => input.state[c] === DERIVED).length,
    narrow,
    narrowestWidth: cells.length ? narrowestWidth : 0,
    solves,
  };
}
