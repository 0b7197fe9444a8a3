// exceljs declares its API, not its helpers or its modules one by one; this declares the two the
// project imports on their own.
declare module 'exceljs/lib/utils/utils.js' {
  const utils: {
    /** Text as exceljs escapes it in a sheet's XML (entities, and characters XML cannot hold left out). */
    xmlEncode(text: string): string;
  };
  export default utils;
}
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type ExcelJS from 'exceljs';
  /** The streaming workbook writer alone: the whole of exceljs takes its thread twice as long to load. */
  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
