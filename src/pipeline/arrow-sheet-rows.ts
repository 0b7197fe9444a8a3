import { isUtf8 } from 'node:buffer';
import { type Data, DataType, tableFromIPC } from 'apache-arrow';
import excelUtils from 'exceljs/lib/utils/utils.js';
import { cellPieces, type SheetColumn, type SheetRows, XmlBytes } from '../lib/sheet-rows.ts';

const encoder = new TextEncoder();
const [ROW, SPANS, ROW_END, EMPTY, TEXT, VALUE, CELL_END, TRUE, FALSE] = [
  '<row r="',
  '" spans="1:',
  '</row>',
  '/>',
  ' t="str"><v>',
  '><v>',
  '</v></c>',
  ' t="b"><v>1</v></c>',
  ' t="b"><v>0</v></c>',
].map((piece) => encoder.encode(piece));

/** The bytes exceljs's xmlEncode changes: < > & ' " it escapes, and control characters but tab, LF and CR it drops. */
const CHANGED = new Uint8Array(128);
for (const c of '<>&\'"\x7f') CHANGED[c.charCodeAt(0)] = 1;
for (let b = 0; b < 0x20; b++) if (b !== 0x09 && b !== 0x0a && b !== 0x0d) CHANGED[b] = 1;

const changesAny = (bytes: Uint8Array, from: number, to: number) => {
  for (let i = from; i < to; i++) if (bytes[i] < 128 && CHANGED[bytes[i]]) return true;
  return false;
};

/** One column of a record batch as the sheet writes it: whether row r has a value, and its cell after the style. */
interface CellWriter {
  has(r: number): boolean;
  rest(xml: XmlBytes, r: number): void;
}

function cellWriter(data: Data, column: SheetColumn, name: string): CellWriter {
  if (data.offset !== 0) throw new Error(`sheet rows: column ${name} is a slice of its record batch (Arrow IPC never writes one)`);
  const bitmap = data.nullCount > 0 ? data.nullBitmap : null;
  const has = bitmap ? (r: number) => ((bitmap[r >> 3] >> (r & 7)) & 1) === 1 : () => true;
  const { type } = data;
  if (column.text !== DataType.isUtf8(type))
    throw new Error(`sheet rows: column ${name} is ${type} in Arrow, which its sheet column does not hold`);
  if (DataType.isUtf8(type)) {
    const { valueOffsets: offsets, values: bytes } = data as Data<typeof type>;
    // Most text is its own escaped UTF-8 already: copied as it lies in the batch, never made a
    // string. (The buffer may run on past the last value, padded.)
    const [first, last] = [offsets[0], offsets[data.length]];
    const copied = isUtf8(bytes.subarray(first, last)) && !changesAny(bytes, first, last);
    const decoder = new TextDecoder();
    return {
      has,
      rest(xml, r) {
        const [from, to] = [offsets[r], offsets[r + 1]];
        xml.bytes(TEXT);
        if (copied || (isUtf8(bytes.subarray(from, to)) && !changesAny(bytes, from, to))) xml.slice(bytes, from, to);
        else xml.text(excelUtils.xmlEncode(decoder.decode(bytes.subarray(from, to))));
        xml.bytes(CELL_END);
      },
    };
  }
  if ((DataType.isInt(type) && type.bitWidth <= 32) || (DataType.isFloat(type) && type.precision === 2)) {
    const values = data.values as Int32Array | Float64Array;
    return {
      has,
      rest(xml, r) {
        xml.bytes(VALUE);
        xml.number(values[r]);
        xml.bytes(CELL_END);
      },
    };
  }
  if (DataType.isBool(type)) {
    const values = data.values as Uint8Array;
    return { has, rest: (xml, r) => xml.bytes(((values[r >> 3] >> (r & 7)) & 1) === 1 ? TRUE : FALSE) };
  }
  throw new Error(`sheet rows: column ${name} is ${type} in Arrow, a type the pipeline never writes`);
}

/**
 * The rows of an Arrow stream (as the pipeline writes its tables: text, 32-bit integers, doubles,
 * booleans) for a workbook's sheets, written from the stream's columns: the same XML as
 * sheetRowWriter gives for the same rows as plain values, with no value made for a cell. A text
 * cell's bytes are copied where they lie unless exceljs's escaping would change them.
 */
export function arrowSheetRows(bytes: Uint8Array): SheetRows {
  const table = tableFromIPC(bytes);
  const names = table.schema.fields.map((f) => f.name);
  const batchStarts = [0];
  for (const batch of table.batches) batchStarts.push(batchStarts[batchStarts.length - 1] + batch.numRows);
  return {
    length: table.numRows,
    writer(columns) {
      if (columns.length !== names.length) throw new Error(`sheet rows: ${columns.length} sheet columns for ${names.length} in Arrow`);
      const { starts, styled } = cellPieces(columns);
      const spans = encoder.encode(`${names.length}" x14ac:dyDescent="0.25">`);
      const writers = table.batches.map((batch) => batch.data.children.map((data, i) => cellWriter(data, columns[i], names[i])));
      const xml = new XmlBytes(1 << 20);
      // The row's number as ASCII digits, written from the right into this room once a row and
      // copied into each of its cells (String and encodeInto a row took 0,3 s more of 680.000 rows).
      const digits = new Uint8Array(16);
      return (from, to, first) => {
        for (let b = 0; b < writers.length; b++) {
          const [start, end] = [Math.max(from, batchStarts[b]), Math.min(to, batchStarts[b + 1])];
          const cells = writers[b];
          for (let row = start; row < end; row++) {
            const r = row - batchStarts[b];
            // exceljs leaves out a row with no value at all, numbering the next rows as it does.
            if (!cells.some((c) => c.has(r))) continue;
            let at = digits.length;
            for (let n = first + (row - from); at === digits.length || n > 0; n = Math.floor(n / 10)) digits[--at] = 48 + (n % 10);
            xml.bytes(ROW);
            xml.slice(digits, at, digits.length);
            xml.bytes(SPANS);
            xml.bytes(spans);
            for (let i = 0; i < cells.length; i++) {
              const present = cells[i].has(r);
              if (!present && !columns[i].style) continue;
              xml.bytes(starts[i]);
              xml.slice(digits, at, digits.length);
              xml.bytes(styled[i]);
              if (present) cells[i].rest(xml, r);
              else xml.bytes(EMPTY);
            }
            xml.bytes(ROW_END);
          }
        }
        return xml.done();
      };
    },
  };
}
