import { readFileSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { tableFromIPC } from 'apache-arrow';
import { xlsxWorkbook } from '../lib/xlsx-workbook.ts';
import { serveTasks } from './worker-pool.ts';
import type { WorkbookJob } from './xlsx-export.ts';

/** The rows of an Arrow stream as arrays of plain values, null where a value is missing. */
function rowsOf(bytes: Uint8Array): unknown[][] {
  const table = tableFromIPC(bytes);
  const columns = table.schema.fields.map((_, i) => [...(table.getChildAt(i) ?? [])] as unknown[]);
  return Array.from({ length: table.numRows }, (_, r) => columns.map((c) => c[r]));
}

serveTasks<WorkbookJob>(parentPort!, async ({ table, arrow, out }) => {
  writeFileSync(out, await xlsxWorkbook({ ...table, rows: rowsOf(readFileSync(arrow)) }));
});
