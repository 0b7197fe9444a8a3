import { type Data, DataType, tableFromIPC, type Utf8, type Vector } from 'apache-arrow';

/** Rows turned into plain values at a time: enough to keep exceljs busy, few enough to hold little. */
const ROWS_AT_ONCE = 20_000;

/**
 * Rows `start` to `end` of a text column in one piece: the bytes of all of them decoded at once
 * and cut where each value starts, counted in UTF-16 units as JavaScript counts them. Arrow's own
 * reader decodes each value on its own, and a national table's eight text columns took seconds of
 * the thread writing its workbook that way. Null if the bytes are not all well-formed UTF-8 (the
 * cuts would then be wrong).
 */
function textSlice(data: Data<Utf8>, start: number, end: number): (string | null)[] | null {
  // A chunk's offsets start at its own first row (Arrow slices them with the chunk).
  const { valueOffsets: offsets, values: bytes } = data;
  const text = new TextDecoder().decode(bytes.subarray(offsets[start], offsets[end]));
  const out = new Array<string | null>(end - start);
  let at = offsets[start];
  let unit = 0;
  for (let r = start; r < end; r++) {
    const from = unit;
    for (const stop = offsets[r + 1]; at < stop; at++) {
      const b = bytes[at];
      // A character starts at every byte but a continuation byte; one of four bytes is two units.
      if ((b & 0xc0) !== 0x80) unit += b >= 0xf0 ? 2 : 1;
    }
    out[r - start] = data.getValid(r) ? text.slice(from, unit) : null;
  }
  return unit === text.length ? out : null;
}

/** Rows `start` to `end` of a column as plain values, null where a value is missing. */
function slice(vector: Vector | null, start: number, end: number): unknown[] {
  if (!vector) return [];
  const text = vector.data.length === 1 && DataType.isUtf8(vector.type) ? textSlice(vector.data[0] as Data<Utf8>, start, end) : null;
  return text ?? [...vector.slice(start, end)];
}

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
        const columns = vectors.map((v) => slice(v, start, end));
        for (let r = 0; r < end - start; r++) yield columns.map((c) => c[r]);
      }
    },
  };
}
