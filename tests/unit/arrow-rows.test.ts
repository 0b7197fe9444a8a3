import { Table, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowColumn } from '../../src/pipeline/arrow-columns.ts';
import { arrowRows } from '../../src/pipeline/arrow-rows.ts';

/** An Arrow stream written as the pipeline writes its tables (export.ts), with a null in every type. */
function arrowOf(rows: number) {
  const codes = Array.from({ length: rows }, (_, i) => (i % 11 === 0 ? null : String(i).padStart(5, '0')));
  const years = Array.from({ length: rows }, (_, i) => (i % 13 === 0 ? null : 2021 + (i % 5)));
  const rates = Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? null : i / 8));
  const flags = Array.from({ length: rows }, (_, i) => (i % 17 === 0 ? null : i % 2 === 0));
  const table = new Table({
    unit_code: arrowColumn('VARCHAR', codes),
    year: arrowColumn('INTEGER', years),
    rate: arrowColumn('DOUBLE', rates),
    p135: arrowColumn('BOOLEAN', flags),
  });
  const expected = codes.map((c, i) => [c, years[i], rates[i], flags[i]]);
  return { bytes: tableToIPC(table, 'stream'), expected };
}

describe('rows read from an Arrow stream a slice at a time', () => {
  it.each([
    [0, 4],
    [1, 4],
    [9, 4],
    [12, 4],
    [13, 4],
    [45_001, 20_000],
  ])('%i rows, %i at a time: every row once, in order, with its nulls', (rows, atOnce) => {
    const { bytes, expected } = arrowOf(rows);
    const read = arrowRows(bytes, atOnce);
    expect(read.length).toBe(rows);
    expect([...read]).toEqual(expected);
    // Read again from the start: a workbook may be written twice from the same rows.
    expect([...read].length).toBe(rows);
  });

  it('reads text of every width as written, cut at each value whatever the slice: Vietnamese, emoji, empty, missing', () => {
    const words = ['Hạ Long', '', 'Đầm Hà', '𝔸 thôn 🌾', 'Quảng Ninh', null, 'x'];
    const names = Array.from({ length: 1_001 }, (_, i) => words[i % words.length]);
    const bytes = tableToIPC(new Table({ name: arrowColumn('VARCHAR', names) }), 'stream');
    for (const atOnce of [1, 3, 250, 20_000]) expect([...arrowRows(bytes, atOnce)]).toEqual(names.map((n) => [n]));
  });

  it('writes text given as indices into its values (as the export reads it) the same bytes as the text itself', () => {
    const values = ['Đầm Hà', '', '𝔸 thôn 🌾', 'Hạ Long'];
    const codes = Array.from({ length: 1_001 }, (_, i) => (i % 9 === 0 ? null : (i * 7) % values.length));
    const texts = codes.map((c) => (c == null ? null : values[c]));
    const ipc = (column: ReturnType<typeof arrowColumn>) => tableToIPC(new Table({ name: column }), 'stream');
    expect(ipc(arrowColumn('VARCHAR', codes, values))).toEqual(ipc(arrowColumn('VARCHAR', texts)));
    expect([...arrowRows(ipc(arrowColumn('VARCHAR', codes, values)), 100)]).toEqual(texts.map((t) => [t]));
  });
});
