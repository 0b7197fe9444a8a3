import loadHighs, { type Highs } from 'highs';

let highsRuntime: Promise<Highs> | null = null;
/** HiGHS (LP and MIP, compiled to WebAssembly), loaded once per process. */
export const highs = () => {
  highsRuntime ??= loadHighs();
  return highsRuntime;
};

/**
 * Columns that share a row are solved together; the rest never affect each other. Groups come in
 * the order of their first column. Typed arrays instead of a map and slices: a national audit's
 * millions of rows and columns took seconds otherwise.
 */
export function components<R extends { cols: number[] }>(rows: R[], columns: number): { cols: number[]; rows: R[] }[] {
  const parent = new Int32Array(columns);
  for (let c = 0; c < columns; c++) parent[c] = c;
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const r of rows) {
    const first = find(r.cols[0]);
    for (let i = 1; i < r.cols.length; i++) parent[find(r.cols[i])] = first;
  }
  const groupOf = new Int32Array(columns).fill(-1);
  const groups: { cols: number[]; rows: R[] }[] = [];
  for (let c = 0; c < columns; c++) {
    const root = find(c);
    if (groupOf[root] < 0) {
      groupOf[root] = groups.length;
      groups.push({ cols: [], rows: [] });
    }
    groups[groupOf[root]].cols.push(c);
  }
  for (const r of rows) groups[groupOf[find(r.cols[0])]].rows.push(r);
  return groups;
}
