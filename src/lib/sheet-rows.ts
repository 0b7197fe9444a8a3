import excelUtils from 'exceljs/lib/utils/utils.js';
import { isPrintableAscii } from './printable-ascii.ts';

/** A column of a sheet as its rows are written: whether it holds text, and its cells' style in the workbook. */
export interface SheetColumn {
  text: boolean;
  /** The style's number in the workbook's styles (0: the default, written as no style). */
  style: number;
}

/** A column's letters in a cell's address: A to Z, then AA, AB and so on. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Beyond this, a whole number is written afresh each time rather than kept (counts are nearly all below it). */
const KEPT_NUMBERS = 100_000;

/**
 * The rows' XML as UTF-8, written byte by byte into room that grows: a national table's sheet is
 * 421 MB of it, which as strings (a dozen a cell, joined, then encoded) took its writer's thread
 * 4,8 s, against 2,7–2,9 s this way (with reading its rows from Arrow), much of the difference
 * the collecting of those strings. The bytes of a whole number below KEPT_NUMBERS and of each
 * column's cell start are made once.
 */
export class XmlBytes {
  private readonly encoder = new TextEncoder();
  private readonly numbers: Uint8Array[] = [];
  private out: Uint8Array;
  private at = 0;

  constructor(room: number) {
    this.out = new Uint8Array(room);
  }

  private room(bytes: number) {
    if (this.at + bytes <= this.out.length) return;
    const bigger = new Uint8Array(Math.max(2 * this.out.length, this.at + bytes));
    bigger.set(this.out.subarray(0, this.at));
    this.out = bigger;
  }

  bytes(b: Uint8Array) {
    this.slice(b, 0, b.length);
  }

  /** Printable ASCII only: a native call a piece cost more than the loop on pieces this short. */
  ascii(text: string) {
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.out[this.at++] = text.charCodeAt(i);
  }

  text(text: string) {
    if (isPrintableAscii(text)) return this.ascii(text);
    this.room(3 * text.length);
    this.at += this.encoder.encodeInto(text, this.out.subarray(this.at)).written;
  }

  /** Bytes `from`…`to` − 1 of `source`: short runs (most cells) copied in a loop, no view made for them. */
  slice(source: Uint8Array, from: number, to: number) {
    this.room(to - from);
    if (to - from > 32) {
      this.out.set(source.subarray(from, to), this.at);
      this.at += to - from;
    } else for (let i = from; i < to; i++) this.out[this.at++] = source[i];
  }

  number(n: number) {
    if (!Number.isInteger(n) || n < 0 || n >= KEPT_NUMBERS) return this.ascii(String(n));
    this.numbers[n] ??= this.encoder.encode(String(n));
    this.bytes(this.numbers[n]);
  }

  /** What was written; the next batch is written into new room (zlib may still be reading this one). */
  done(): Uint8Array {
    const written = this.out.subarray(0, this.at);
    this.out = new Uint8Array(Math.max(1024, Math.ceil(1.25 * this.at)));
    this.at = 0;
    return written;
  }
}

/**
 * What each cell of a column starts with, as UTF-8: `<c r="` and its column's letters (before the
 * row's number), and what follows the number: its style, if it has one, and the attribute's end.
 */
export function cellPieces(columns: readonly SheetColumn[]) {
  const encoder = new TextEncoder();
  const letters = columns.map((_, i) => columnLetters(i));
  return {
    letters,
    starts: letters.map((l) => encoder.encode(`<c r="${l}`)),
    styled: columns.map((c) => encoder.encode(c.style ? `" s="${c.style}"` : '"')),
  };
}

/**
 * The rows a sheet is written from: how many, and, for the sheet's columns, a writer of the XML
 * of rows `from`…`to` − 1, the first of them numbered `first` in the sheet.
 */
export interface SheetRows {
  length: number;
  writer(columns: readonly SheetColumn[]): (from: number, to: number, first: number) => Uint8Array;
}

/** Rows held as arrays of plain values (a figure's data), written by sheetRowWriter. */
export const arraySheetRows = (rows: readonly (readonly unknown[])[]): SheetRows => ({
  length: rows.length,
  writer(columns) {
    const write = sheetRowWriter(columns);
    return (from, to, first) => write(rows.slice(from, to), first);
  },
});

/**
 * Rows of a sheet as SpreadsheetML, the same XML exceljs writes for them (its `addRow` made a
 * dozen objects a cell and took 13 s of one core for a national table's 8,8 million cells): text
 * as text, with exceljs's own escaping; numbers and booleans as values; an empty cell written only
 * where its column has a style, an empty row not at all. `first` is the sheet's row number of the
 * first row given. Returns a writer to give each batch of rows to in turn, which answers its XML
 * as UTF-8.
 */
export function sheetRowWriter(columns: readonly SheetColumn[]): (rows: Iterable<readonly unknown[]>, first: number) => Uint8Array {
  const { letters, starts, styled } = cellPieces(columns);
  const xml = new XmlBytes(1 << 20);
  return (rows, first) => {
    let r = first;
    for (const row of rows) {
      // exceljs leaves out a row with no value at all: so does this, numbering the next rows as it does.
      if (row.every((v) => v == null)) {
        r++;
        continue;
      }
      const number = String(r);
      xml.ascii(`<row r="${number}" spans="1:${row.length}" x14ac:dyDescent="0.25">`);
      for (let i = 0; i < row.length; i++) {
        const value = row[i];
        if (value == null && !columns[i].style) continue;
        xml.bytes(starts[i]);
        xml.ascii(number);
        xml.bytes(styled[i]);
        if (value == null) xml.ascii('/>');
        else if (columns[i].text || typeof value === 'string') {
          xml.ascii(' t="str"><v>');
          xml.text(excelUtils.xmlEncode(String(value)));
          xml.ascii('</v></c>');
        } else if (typeof value === 'number' || typeof value === 'bigint') {
          xml.ascii('><v>');
          xml.number(Number(value));
          xml.ascii('</v></c>');
        } else if (typeof value === 'boolean') {
          xml.ascii(value ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
        } else {
          throw new Error(`sheet rows: row ${r}, column ${letters[i]}: a value of a kind a sheet cell cannot hold (${typeof value})`);
        }
      }
      xml.ascii('</row>');
      r++;
    }
    return xml.done();
  };
}
