import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnLetters, type SheetColumn, sheetRowWriter } from '../../src/lib/sheet-rows.ts';

/** The XML of rows written as one batch, as text. */
const sheetRows = (rows: unknown[][], columns: SheetColumn[], first: number) =>
  new TextDecoder().decode(sheetRowWriter(columns)(rows, first));

/** The rows of a sheet as exceljs itself writes them, cell by cell, with each text column formatted as text. */
async function excelRows(rows: unknown[][], text: boolean[]): Promise<string> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { store: true } });
  const sheet = book.addWorksheet('data');
  const styles = text.map((t) => (t ? { numFmt: '@' } : {}));
  sheet.columns = styles.map((style) => ({ width: 10, style }));
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.style = styles[column - 1];
    });
    row.commit();
  }
  sheet.commit();
  await book.commit();
  const xml = new TextDecoder().decode(unzipSync(new Uint8Array(Buffer.concat(chunks)))['xl/worksheets/sheet1.xml']);
  return xml.slice(xml.indexOf('<sheetData>') + '<sheetData>'.length, xml.indexOf('</sheetData>'));
}

const kinds = ['text', 'number', 'boolean'] as const;
const values: Record<(typeof kinds)[number], fc.Arbitrary<unknown>> = {
  text: fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('06649', '=1+2', '<a & "b">', "it's", '\u0000\u0008\u000b\u007f\t\r\n')),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constantFrom(-0, 1e21, 2 ** 53)),
  boolean: fc.boolean(),
};
const table = fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 30 }).chain((columns) =>
  fc.record({
    columns: fc.constant(columns),
    rows: fc.array(fc.tuple(...columns.map((kind) => fc.option(values[kind], { freq: 4 }))), { maxLength: 12 }),
  }),
);

describe('rows of a sheet written as exceljs writes them', () => {
  it('names columns A to Z, then AA on', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('writes the same XML as exceljs for any text, number, boolean or missing value, and rows with none', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ columns, rows }) => {
        const text = columns.map((kind) => kind === 'text');
        // The text column's style is the first exceljs registers after its default: number 1.
        const written = sheetRows(
          rows,
          text.map((t) => ({ text: t, style: t ? 1 : 0 })),
          1,
        );
        expect(written).toBe(await excelRows(rows, text));
      }),
      { numRuns: 150 },
    );
  });

  it('writes rows given in batches as it writes them all at once', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(12), { maxLength: 4 }), ({ columns, rows }, cuts) => {
        const sheet = columns.map((kind) => ({ text: kind === 'text', style: kind === 'text' ? 1 : 0 }));
        const bounds = [0, ...cuts.map((c) => Math.min(c, rows.length)).sort((a, b) => a - b), rows.length];
        const write = sheetRowWriter(sheet);
        const batches = bounds.slice(1).map((end, k) => new TextDecoder().decode(write(rows.slice(bounds[k], end), 5 + bounds[k])));
        expect(batches.join('')).toBe(sheetRows(rows, sheet, 5));
      }),
    );
  });

  it('refuses a value no cell can hold, naming its row and column', () => {
    expect(() =>
      sheetRows(
        [['a', { nested: true }]],
        [
          { text: true, style: 1 },
          { text: false, style: 0 },
        ],
        4,
      ),
    ).toThrow('row 4, column B');
  });
});
