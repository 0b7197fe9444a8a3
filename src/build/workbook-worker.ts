/** The build's workbook thread (see workbook-thread.ts): one figure's workbook per task. */
import { parentPort } from 'node:worker_threads';
import { xlsxWorkbook } from '../lib/xlsx-workbook.ts';
import { serveTasks } from '../pipeline/worker-pool.ts';

serveTasks(parentPort!, xlsxWorkbook);
