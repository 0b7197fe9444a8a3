import loadHighs, { type Highs } from 'highs';

let highsRuntime: Promise<Highs> | null = null;
/** HiGHS (LP and MIP, compiled to WebAssembly), loaded once per process. */
export const highs = () => {
  highsRuntime ??= loadHighs();
  return highsRuntime;
};

/** Columns that share a row are solved together; the rest never affect each other. */
export function components<R extends { cols: number[] }>(rows: R[], columns: number): { cols: number[]; rows: R[] }[] {
  const parent = Int32Array.from({ length: columns }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const r of rows) for (const c of r.cols.slice(1)) parent[find(c)] = find(r.cols[0]);
  const byRoot = new Map<number, { cols: number[]; rows: R[] }>();
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
