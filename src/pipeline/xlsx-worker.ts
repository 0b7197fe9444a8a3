import { readFileSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { xlsxWorkbook } from '../lib/xlsx-workbook.ts';
import { arrowSheetRows } from './arrow-sheet-rows.ts';
import { serveTasks } from './worker-pool.ts';
import type { WorkbookJob } from './xlsx-export.ts';

serveTasks<WorkbookJob>(parentPort!, async ({ table, arrow, out }) => {
  writeFileSync(out, await xlsxWorkbook({ ...table, rows: arrowSheetRows(readFileSync(arrow)) }));
});
