import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxWorkbook } from '../../src/lib/xlsx-workbook.ts';
import { entryTimes } from './zip-entry-times.ts';

const bilingual = (text: string) => ({ vi: `${text} (vi)`, en: text });
const tableOf = (rows: number) => ({
  name: 'poverty',
  description: bilingual('Poverty'),
  columns: [
    { name: 'unit_code', type: 'VARCHAR', description: bilingual('Code') },
    { name: 'year', type: 'INTEGER', description: null },
    { name: 'rate', type: 'DOUBLE', description: null },
    { name: 'p135', type: 'BOOLEAN', description: null },
  ],
  rows: Array.from({ length: rows }, (_, i) => [String(i).padStart(5, '0'), 2022 + (i % 4), i % 7 === 0 ? null : i / 8, i % 2 === 0]),
  source: bilingual('Source'),
  licence: bilingual('CC BY 4.0'),
  illustrative: true,
  illustrativeNote: bilingual('Illustrative'),
  dataset: {
    id: 'test',
    version: '2026.11.1',
    released: '2026-11-29',
    title: bilingual('Atlas'),
    place: { vi: 'tỉnh Núi Mây', en: 'Núi Mây' },
  },
});

describe('Excel workbooks, of a few rows and of many (written and deflated a batch at a time)', () => {
  it.each([10, 40_000])('%i rows: the same values read back, and every entry dated with the release date', async (rows) => {
    const table = tableOf(rows);
    const bytes = await xlsxWorkbook(table);
    expect(new Set(entryTimes(bytes))).toEqual(new Set(['2026-11-29T00:00:00.000Z']));
    expect(await xlsxWorkbook(table)).toEqual(bytes);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const [data, about] = book.worksheets;
    expect(data.rowCount).toBe(3 + rows);
    for (const i of [0, 7, rows - 1]) {
      const values = (data.getRow(4 + i).values as unknown[]).slice(1);
      expect([values[0], values[1], values[2] ?? null, values[3]]).toEqual(table.rows[i]);
    }
    expect(JSON.stringify(about.getSheetValues())).toContain('YES. Illustrative');
    // Where its units are, for a workbook attached to a report far from the site.
    expect(about.getSheetValues().some((r) => Array.isArray(r) && r.includes('tỉnh Núi Mây') && r.includes('Núi Mây'))).toBe(true);
  });
});

describe('a table longer than an Excel sheet holds', () => {
  it('goes on in further sheets, each with its headings, and the source sheet says so', async () => {
    // Sheets of 3 heading rows and 4 table rows, standing in for Excel's 1.048.576.
    const table = tableOf(10);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsxWorkbook(table, 7)).buffer as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['poverty', 'poverty (2)', 'poverty (3)', 'Nguồn - Source']);
    const [first, second, third] = book.worksheets;
    const codes = (sheet: ExcelJS.Worksheet) => sheet.getColumn(1).values.slice(4);
    expect([...codes(first), ...codes(second), ...codes(third)]).toEqual(table.rows.map((r) => r[0]));
    for (const sheet of [first, second, third]) expect(sheet.getRow(3).getCell(1).value).toBe('unit_code');
    expect(JSON.stringify(book.worksheets[3].getSheetValues())).toContain('3 sheets of up to 4 rows each');
    expect(JSON.stringify(book.worksheets[3].getSheetValues())).toContain('3 trang tính, mỗi trang đến 4 dòng');
  });
});

describe('a workbook an official prints', () => {
  it('prints each sheet one A4 page wide, its headings and long notes wrapped in rows tall enough, no heading word broken', async () => {
    const table = {
      ...tableOf(5),
      columns: [
        { name: 'poor', type: 'INTEGER', description: { vi: 'Số hộ nghèo cuối năm theo chuẩn', en: 'Poor households at year end' } },
        ...tableOf(5).columns.slice(1),
      ],
      source: bilingual(
        'Số liệu minh họa của Atlas giảm nghèo, tạo bằng chương trình và hiệu chỉnh khớp các số tỉnh, huyện đã công bố'.repeat(3),
      ),
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsxWorkbook(table)).buffer as ArrayBuffer);
    const [data, about] = book.worksheets;
    for (const sheet of [data, about]) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    const heading = data.getRow(1);
    expect(heading.getCell(1).alignment).toMatchObject({ wrapText: true });
    // "Số hộ nghèo cuối năm theo chuẩn" in a column of 12: three lines.
    expect(data.getColumn(1).width).toBeGreaterThanOrEqual('households'.length + 2);
    expect(heading.height).toBeGreaterThanOrEqual(3 * 15);
    const source = about.getRows(1, about.rowCount)!.find((r) => r.getCell(1).value === 'Nguồn / Source')!;
    expect(source.getCell(2).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(source.height).toBeGreaterThanOrEqual(5 * 15);
  });
});
