import { type XlsxTable, xlsxWorkbook } from '../lib/xlsx-workbook.ts';
import { handover } from './handover.ts';

type WorkbookMaker = (table: XlsxTable) => Promise<Uint8Array>;

/**
 * Where the build makes the figures' workbooks: on a thread of its own (see integrations.ts →
 * workbookThread), since exceljs took 2–3 s of the build's main thread, which renders every page
 * while the second core is half idle.
 */
const maker = handover<WorkbookMaker>('workbook-thread');

/** A workbook, made on the build's workbook thread, or here outside a build (astro dev). */
export const makeWorkbook: WorkbookMaker = (table) => (maker.get() ?? xlsxWorkbook)(table);

/** Whether workbooks are made on the build's thread (a build), or here (astro dev). */
export const workbooksOnThread = () => maker.get() !== undefined;

/** Sets where workbooks are made from now on, or here. */
export const makeWorkbooksWith = maker.set;
