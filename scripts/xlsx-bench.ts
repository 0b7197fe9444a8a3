import { readFileSync, writeFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { xlsxWorkbook } from '../src/lib/xlsx-workbook.ts';
import { arrowRows } from '../src/pipeline/arrow-rows.ts';

const bytes = readFileSync(process.argv[2]);
const schema = tableFromIPC(bytes).schema.fields.map((f) => ({
  name: f.name,
  type: String(f.type) === 'Utf8' ? 'VARCHAR' : 'INTEGER',
  description: null,
}));
const b = { vi: 'x', en: 'x' };
const t0 = performance.now();
const out = await xlsxWorkbook({
  name: 'deprivation',
  description: b,
  columns: schema,
  rows: arrowRows(bytes),
  source: b,
  licence: b,
  illustrative: true,
  illustrativeNote: b,
  dataset: { id: 'x', version: '1', released: '2026-01-01', title: b },
});
console.log(`${schema.length} columns, ${Math.round(performance.now() - t0)} ms, ${out.length} bytes`);
writeFileSync(process.argv[3], out);
