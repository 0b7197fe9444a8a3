import type { XlsxTable } from '../lib/xlsx-workbook.ts';
import { WorkerPool } from './worker-pool.ts';

/** One published table's workbook: what it says beside the rows, the Arrow file the rows are read from, and where it goes. */
export interface WorkbookJob {
  table: Omit<XlsxTable, 'rows'>;
  arrow: string;
  out: string;
}

let pool: WorkerPool<WorkbookJob, void> | null = null;

/**
 * Writes a table's Excel workbook on a worker thread (xlsx-worker.ts), from the Arrow copy already
 * written: a national table's workbook takes tens of seconds of one core, which the next tables'
 * Parquet and CSV need not wait for, and its rows need not be copied between threads.
 */
export function writeWorkbook(job: WorkbookJob): Promise<void> {
  return startWorkbookWorkers().run(job);
}

/** Starts the workers, if they are not running yet: loading exceljs's writer takes each of them a third of a second. */
export function startWorkbookWorkers(): WorkerPool<WorkbookJob, void> {
  pool ??= new WorkerPool(new URL('./xlsx-worker.ts', import.meta.url));
  return pool;
}
