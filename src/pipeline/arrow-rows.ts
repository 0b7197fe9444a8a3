import { tableFromIPC } from 'apache-arrow';

/** Rows turned into plain values at a time: enough to keep exceljs busy, few enough to hold little. */
const ROWS_AT_ONCE = 20_000;

/**
 * The rows of an Arrow stream as arrays of plain values, null where a value is missing, made a
 * slice at a time as they are read: a national table's 637.200 rows, held as arrays at once by the
 * thread writing its workbook, took more memory than the rest of the pipeline at that point.
 */
export function arrowRows(bytes: Uint8Array, rowsAtOnce = ROWS_AT_ONCE): Iterable<unknown[]> & { length: number } {
  const table = tableFromIPC(bytes);
  const vectors = table.schema.fields.map((_, i) => table.getChildAt(i));
  return {
    length: table.numRows,
    *[Symbol.iterator]() {
      for (let start = 0; start < table.numRows; start += rowsAtOnce) {
        const end = Math.min(start + rowsAtOnce, table.numRows);
        const columns = vectors.map((v) => (v ? [...v.slice(start, end)] : []) as unknown[]);
        for (let r = 0; r < end - start; r++) yield columns.map((c) => c[r]);
      }
    },
  };
}
