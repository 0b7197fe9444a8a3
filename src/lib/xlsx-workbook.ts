/**
 * A table (published, or the data of one figure) as an Excel workbook for people who open data in a spreadsheet: codes stay
 * text (06649 keeps its zero), numbers stay numbers, every column is headed in Vietnamese and
 * English above its machine name, and a second sheet says source, licence, version and whether
 * the values are illustrative. CSV stays the machine format.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Bilingual } from './manifest.ts';
import { deterministicZip, withEntryTimes } from './zip.ts';

export interface XlsxTable {
  name: string;
  description: Bilingual;
  /** How to read the values (how they were protected), where there is something to say. */
  note?: Bilingual;
  columns: { name: string; type: string; description: Bilingual | null }[];
  /** The rows in order: an array, or rows made as they are written (a national table's, never all held at once). */
  rows: Iterable<unknown[]> & { length: number };
  source: Bilingual;
  licence: Bilingual;
  illustrative: boolean;
  illustrativeNote: Bilingual;
  dataset: { id: string; version: string; released: string; title: Bilingual };
}

const HEADER_ROWS = 3;

/**
 * exceljs hands the sheet's XML to its compressor a buffer at a time, one buffer per turn of the
 * event loop: a loop that adds every row before letting it turn holds the whole XML (420 MB for a
 * national table) until the end, and compresses none of it meanwhile. Letting it turn every few
 * hundred cells keeps the compressor at pace with the rows, on its own thread: the national
 * deprivation workbook in 11 s instead of 14–20, and 440 MB at peak instead of 700–780 (written
 * on its own).
 */
const CELLS_PER_TURN = 256;

/**
 * Beyond this many cells a workbook is compressed as it streams, so that its XML is never held
 * whole (a national table's is 421 MB, held twice otherwise: 1,4 GB more at peak). Below it, one
 * deflate of the finished archive is faster than a compressing stream per entry (the site's 700
 * figure workbooks, about 2 s of its build).
 */
const STREAMED_CELLS = 100_000;

export async function xlsxWorkbook(t: XlsxTable): Promise<Uint8Array> {
  const released = new Date(`${t.dataset.released}T00:00:00Z`);
  // Written as a stream, row by row: a workbook held whole in memory takes about a kilobyte a cell,
  // gigabytes for a national table.
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const streamed = t.rows.length * t.columns.length > STREAMED_CELLS;
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
    zip: streamed ? { zlib: { level: 6 } } : { store: true },
  });
  book.created = released;
  book.modified = released;
  book.creator = 'Poverty Atlas';
  const data = book.addWorksheet(t.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: HEADER_ROWS }] });
  data.columns = t.columns.map((c) => ({
    width: Math.min(40, Math.max(10, c.name.length + 2)),
    ...(c.type === 'VARCHAR' ? { style: { numFmt: '@' } } : {}),
  }));
  data.autoFilter = { from: { row: HEADER_ROWS, column: 1 }, to: { row: HEADER_ROWS, column: t.columns.length } };
  const heading = (cells: string[], font: Partial<ExcelJS.Font>) => {
    const row = data.addRow(cells);
    row.font = font;
    row.commit();
  };
  heading(
    t.columns.map((c) => c.description?.vi ?? c.name),
    { bold: true },
  );
  heading(
    t.columns.map((c) => c.description?.en ?? c.name),
    { bold: true },
  );
  heading(
    t.columns.map((c) => c.name),
    { italic: true },
  );
  // One style object per column, shared by its cells: exceljs then finds each column's style once
  // instead of once a cell (a fifth of a national table's time).
  const styles = t.columns.map((c): Partial<ExcelJS.Style> => (c.type === 'VARCHAR' ? { numFmt: '@' } : {}));
  const rowsPerTurn = Math.max(1, Math.floor(CELLS_PER_TURN / t.columns.length));
  let rowsAdded = 0;
  for (const row of t.rows) {
    if (++rowsAdded % rowsPerTurn === 0) await new Promise(setImmediate);
    const added = data.addRow(
      row.map((v, i) => {
        if (v == null) return null;
        if (t.columns[i].type === 'VARCHAR') return String(v);
        if (typeof v === 'bigint') return Number(v);
        return v as ExcelJS.CellValue;
      }),
    );
    added.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.style = styles[column - 1];
    });
    added.commit();
  }
  data.commit();

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
  about.columns = [{ width: 32 }, { width: 80 }, { width: 80 }];
  rows.forEach((r, i) => {
    const row = about.addRow(r);
    if (i === 0) row.font = { bold: true };
    row.commit();
  });
  about.commit();
  await book.commit();
  // exceljs dates each entry with the time it was written: the release date instead gives the same
  // bytes for the same table on every run.
  const written = new Uint8Array(Buffer.concat(chunks));
  return streamed ? withEntryTimes(written, released) : deterministicZip(unzipSync(written), released);
}
