// Exact min/max of chosen cells over the whole reader model (no decomposition).
import { createHmac } from 'node:crypto';
import { loadDataset } from '../src/pipeline/load-dataset.ts';
import { readerModel, roundingKey } from '../src/pipeline/protect-counts.ts';
import { roundControlled } from '../src/pipeline/controlled-rounding.ts';
import { PUBLISHED } from '../src/pipeline/interval-audit.ts';
import { highs } from '../src/pipeline/linear-components.ts';
import { factKey } from '../src/pipeline/facts.ts';
const { dataset } = await loadDataset('data/quang-ninh');
const model = readerModel(dataset!);
const key = roundingKey(dataset!);
const draw = (cell: string) => createHmac('sha256', key).update(cell).digest().readUIntBE(0, 6) / 2 ** 48;
const sys = model.communes.system;
const rounded = await roundControlled({
  values: sys.values,
  equalities: model.equalities,
  inequalities: model.inequalities,
  base: 5,
  draws: Float64Array.from(sys.cells, ({ fact, measure }) => draw(`${factKey(fact)}|${measure}`)),
});
const input = model.attack(rounded);
const n = input.values.length;
const rows = [
  ...input.equalities.map((r) => ({ r, eq: true })),
  ...input.linking!.map((r) => ({ r, eq: true })),
  ...input.inequalities.map((r) => ({ r, eq: false })),
];
const starts = [0];
const indices: number[] = [];
const vals: number[] = [];
for (const { r } of rows) {
  r.cells.forEach((c, i) => {
    indices.push(c);
    vals.push(r.coefs[i]);
  });
  starts.push(indices.length);
}
const lo = Float64Array.from({ length: n }, (_, c) =>
  input.state[c] === PUBLISHED ? input.values[c] : input.state[c] === 4 ? Math.max(0, input.values[c] - 4) : 0,
);
const hi = Float64Array.from({ length: n }, (_, c) =>
  input.state[c] === PUBLISHED ? input.values[c] : input.state[c] === 4 ? input.values[c] + 4 : 1e7,
);
const solver = await highs();
const m = solver.createModel({
  numCols: n,
  numRows: rows.length,
  colCost: new Float64Array(n),
  colLower: lo,
  colUpper: hi,
  rowLower: Float64Array.from(rows, () => 0),
  rowUpper: Float64Array.from(rows, ({ eq }) => (eq ? 0 : Infinity)),
  matrix: { format: 'csr', numRows: rows.length, numCols: n, starts, indices, values: vals },
});
m.options.set({ output_flag: false });
const want = process.argv.slice(2);
for (const w of want) {
  const [code, year, measure, std] = w.split(',');
  const c = sys.cells.findIndex(
    ({ fact, measure: ms }) =>
      fact.code === code && fact.year === +year && ms === measure && fact.table === 'poverty' && fact.dims.standard === (std ?? 'national'),
  );
  const cost = new Float64Array(n);
  cost[c] = 1;
  const out: number[] = [];
  for (const s of ['minimize', 'maximize'] as const) {
    const t = performance.now();
    m.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, cost);
    m.changeObjectiveSense(solver.constants.objectiveSense[s]);
    m.run();
    out.push(m.getSolution().colValue[c]);
    console.log(s, m.getModelStatus(), ((performance.now() - t) / 1000).toFixed(1));
  }
  console.log(w, sys.values[c], rounded[c], out);
}
