import { type RecordBatch, Table, tableToIPC } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sheetRowWriter } from '../../src/lib/sheet-rows.ts';
import { arrowColumn } from '../../src/pipeline/arrow-columns.ts';
import { arrowSheetRows } from '../../src/pipeline/arrow-sheet-rows.ts';

const TYPES = ['VARCHAR', 'INTEGER', 'DOUBLE', 'BOOLEAN'] as const;
const values: Record<(typeof TYPES)[number], fc.Arbitrary<unknown>> = {
  VARCHAR: fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('Hạ Long', '', '𝔸 thôn 🌾', '06649', '=1+2', '<a & "b">', "it's", '\u0000\u0008\u000b\u007f\t\r\n'),
  ),
  INTEGER: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  DOUBLE: fc.oneof(fc.double(), fc.integer({ min: 0, max: 200_000 }), fc.constantFrom(-0, 1e21, 58.3333)),
  BOOLEAN: fc.boolean(),
};
/** Columns of the types the pipeline writes, rows with missing values (rows with none among them). */
const table = fc.array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 8 }).chain((types) =>
  fc.record({
    types: fc.constant(types),
    rows: fc.array(fc.tuple(...types.map((type) => fc.option(values[type], { freq: 3 }))), { maxLength: 40 }),
    style: fc.array(fc.nat(3), { minLength: types.length, maxLength: types.length }),
    cuts: fc.array(fc.nat(40), { maxLength: 4 }),
    batches: fc.nat(3),
  }),
);

/** The rows as the export writes them (export.ts): one Arrow column a type, in `batches` + 1 record batches. */
function arrowOf(types: readonly string[], rows: unknown[][], batches: number) {
  const size = Math.max(1, Math.ceil(rows.length / (batches + 1)));
  const parts: RecordBatch[] = [];
  for (let from = 0; from === 0 || from < rows.length; from += size) {
    const part = rows.slice(from, from + size);
    const columns = Object.fromEntries(
      types.map((type, i) => [
        `c${i}`,
        arrowColumn(
          type,
          part.map((r) => r[i]),
        ),
      ]),
    );
    parts.push(...new Table(columns).batches);
  }
  return tableToIPC(new Table(parts), 'stream');
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('a sheet written from Arrow columns', () => {
  it('is the XML the same rows give as plain values, whatever the text, numbers, missing values, batches and cuts', () => {
    fc.assert(
      fc.property(table, ({ types, rows, style, cuts, batches }) => {
        const columns = types.map((type, i) => ({ text: type === 'VARCHAR', style: style[i] }));
        const source = arrowSheetRows(arrowOf(types, rows, batches));
        expect(source.length).toBe(rows.length);
        const bounds = [0, ...cuts.map((c) => Math.min(c, rows.length)).sort((a, b) => a - b), rows.length];
        const write = source.writer(columns);
        const written = bounds.slice(1).map((end, k) => text(write(bounds[k], end, 4 + bounds[k])));
        expect(written.join('')).toBe(text(sheetRowWriter(columns)(rows, 4)));
      }),
      { numRuns: 300 },
    );
  });

  it('writes text given as indices into its values (as the export reads it) as the text itself', () => {
    const words = ['Đầm Hà', '', '𝔸 thôn 🌾', 'Hạ Long', 'A & B'];
    const codes = Array.from({ length: 1_001 }, (_, i) => (i % 9 === 0 ? null : (i * 7) % words.length));
    const texts = codes.map((c) => (c == null ? null : words[c]));
    const ipc = (column: ReturnType<typeof arrowColumn>) => tableToIPC(new Table({ name: column }), 'stream');
    expect(ipc(arrowColumn('VARCHAR', codes, words))).toEqual(ipc(arrowColumn('VARCHAR', texts)));
    const columns = [{ text: true, style: 1 }];
    expect(text(arrowSheetRows(ipc(arrowColumn('VARCHAR', codes, words))).writer(columns)(0, 1_001, 4))).toBe(
      text(
        sheetRowWriter(columns)(
          texts.map((t) => [t]),
          4,
        ),
      ),
    );
  });

  it('refuses a column its sheet column does not match, naming it', () => {
    const rows = arrowSheetRows(tableToIPC(new Table({ year: arrowColumn('INTEGER', [2021]) }), 'stream'));
    expect(() => rows.writer([{ text: true, style: 1 }])).toThrow('column year');
  });
});
