/**
 * A table (published, or the data of one figure) as an Excel workbook for people who open data in a spreadsheet: codes stay
 * text (06649 keeps its zero), numbers stay numbers, every column is headed in Vietnamese and
 * English above its machine name, and a second sheet says source, licence, version and whether
 * the values are illustrative. CSV stays the machine format.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import type { Bilingual } from './manifest.ts';

export interface XlsxTable {
  name: string;
  description: Bilingual;
  /** How to read the values (how they were protected), where there is something to say. */
  note?: Bilingual;
  columns: { name: string; type: string; description: Bilingual | null }[];
  rows: unknown[][];
  source: Bilingual;
  licence: Bilingual;
  illustrative: boolean;
  illustrativeNote: Bilingual;
  dataset: { id: string; version: string; released: string; title: Bilingual };
}

const HEADER_ROWS = 3;

export async function xlsxWorkbook(t: XlsxTable): Promise<Uint8Array> {
  const released = new Date(`${t.dataset.released}T00:00:00Z`);
  const book = new ExcelJS.Workbook();
  book.created = released;
  book.modified = released;
  book.creator = 'Poverty Atlas';
  const data = book.addWorksheet(t.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: HEADER_ROWS }] });
  data.addRow(t.columns.map((c) => c.description?.vi ?? c.name));
  data.addRow(t.columns.map((c) => c.description?.en ?? c.name));
  data.addRow(t.columns.map((c) => c.name));
  for (const r of [1, 2, 3]) data.getRow(r).font = { bold: r < 3, italic: r === 3 };
  for (const row of t.rows) {
    data.addRow(
      row.map((v, i) => {
        if (v == null) return null;
        if (t.columns[i].type === 'VARCHAR') return String(v);
        if (typeof v === 'bigint') return Number(v);
        return v as ExcelJS.CellValue;
      }),
    );
  }
  data.autoFilter = { from: { row: HEADER_ROWS, column: 1 }, to: { row: HEADER_ROWS, column: t.columns.length } };
  t.columns.forEach((c, i) => {
    data.getColumn(i + 1).width = Math.min(40, Math.max(10, c.name.length + 2));
    if (c.type === 'VARCHAR') data.getColumn(i + 1).numFmt = '@';
  });

  const about = book.addWorksheet('Nguồn - Source');
  const rows: [string, string, string][] = [
    ['', 'Tiếng Việt', 'English'],
    ['Bộ dữ liệu / Dataset', t.dataset.title.vi, t.dataset.title.en],
    ['Bảng / Table', `${t.name}: ${t.description.vi}`, `${t.name}: ${t.description.en}`],
    ...(t.note ? [['Ghi chú / Note', t.note.vi, t.note.en] as [string, string, string]] : []),
    ['Nguồn / Source', t.source.vi, t.source.en],
    ['Giấy phép / Licence', t.licence.vi, t.licence.en],
    [
      'Phiên bản / Version',
      `${t.dataset.id} ${t.dataset.version} (${t.dataset.released})`,
      `${t.dataset.id} ${t.dataset.version} (${t.dataset.released})`,
    ],
    [
      'Số liệu minh họa? / Illustrative?',
      t.illustrative ? `CÓ. ${t.illustrativeNote.vi}` : 'Không: số liệu thật',
      t.illustrative ? `YES. ${t.illustrativeNote.en}` : 'No: real figures',
    ],
  ];
  for (const r of rows) about.addRow(r);
  about.getColumn(1).width = 32;
  about.getColumn(2).width = 80;
  about.getColumn(3).width = 80;
  about.getRow(1).font = { bold: true };

  // The same input gives the same bytes: the archive is written again with the release date as every entry's time
  // (exceljs stores it uncompressed: compressing twice costs twice).
  const entries = unzipSync(new Uint8Array(await book.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions)));
  const mtime = released;
  return zipSync(
    Object.fromEntries(
      Object.entries(entries)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, [v, { mtime }]]),
    ),
    { level: 6, mtime },
  );
}
