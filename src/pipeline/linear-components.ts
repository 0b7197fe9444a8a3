import loadHighs, { type Highs } from 'highs';
import type { PackedRows } from './lp-transport.ts';

let highsRuntime: Promise<Highs> | null = null;
/** HiGHS (LP and MIP, compiled to WebAssembly), loaded once per process. */
export const highs = () => {
  highsRuntime ??= loadHighs();
  return highsRuntime;
};

type Model = ReturnType<Highs['createModel']>;
const models = new WeakMap<Highs, Map<string, Model>>();

/**
 * One model a solver for each use (`name`), every programme passed into it in turn: making a
 * model a programme and disposing of it was a seventh of the rounding's solver time and an
 * eighth of the audit's, for the same solutions. `options` are set once, when it is made.
 */
export function reusedModel(solver: Highs, name: string, options: Parameters<Model['options']['set']>[0]): Model {
  let byName = models.get(solver);
  if (!byName) {
    byName = new Map();
    models.set(solver, byName);
  }
  let model = byName.get(name);
  if (!model) {
    model = solver.createModel();
    model.options.set(options);
    byName.set(name, model);
  }
  return model;
}

/**
 * Columns that share a row are solved together; the rest never affect each other. Groups come in
 * the order of their first column, each with its columns and the numbers of its rows. Typed
 * arrays instead of a map and slices: a national audit's millions of rows and columns took
 * seconds otherwise.
 */
export function componentsOf({ starts, cols }: Pick<PackedRows, 'starts' | 'cols'>, columns: number): { cols: number[]; rows: number[] }[] {
  const rowCount = starts.length - 1;
  const parent = new Int32Array(columns);
  for (let c = 0; c < columns; c++) parent[c] = c;
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (let r = 0; r < rowCount; r++) {
    const first = find(cols[starts[r]]);
    for (let i = starts[r] + 1; i < starts[r + 1]; i++) parent[find(cols[i])] = first;
  }
  const groupOf = new Int32Array(columns).fill(-1);
  const groups: { cols: number[]; rows: number[] }[] = [];
  for (let c = 0; c < columns; c++) {
    const root = find(c);
    if (groupOf[root] < 0) {
      groupOf[root] = groups.length;
      groups.push({ cols: [], rows: [] });
    }
    groups[groupOf[root]].cols.push(c);
  }
  for (let r = 0; r < rowCount; r++) groups[groupOf[find(cols[starts[r]])]].rows.push(r);
  return groups;
}

/** Each column's place in a group's own numbering (its programme's columns). */
export function positionsOf(cols: ArrayLike<number>): Map<number, number> {
  const at = new Map<number, number>();
  for (let i = 0; i < cols.length; i++) at.set(cols[i], i);
  return at;
}
