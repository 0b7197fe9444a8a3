/**
 * A table (published, or the data of one figure) as an Excel workbook for people who open data in a spreadsheet: codes stay
 * text (06649 keeps its zero), numbers stay numbers, every column is headed in Vietnamese and
 * English above its machine name, and a second sheet says source, licence, version and whether
 * the values are illustrative. CSV stays the machine format.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer.js';
import { unzipSync } from 'fflate';
import { formatNumber } from './format.ts';
import type { Bilingual } from './manifest.ts';
import { arraySheetRows, type SheetRows } from './sheet-rows.ts';
import { type Deflated, DeflatingEntry, deterministicZip } from './zip.ts';

export interface XlsxTable {
  name: string;
  description: Bilingual;
  /** How to read the values (how they were protected), where there is something to say. */
  note?: Bilingual;
  columns: { name: string; type: string; description: Bilingual | null }[];
  /** The rows in order: arrays of values, or rows written from where they are kept (a national table's, never all made values). */
  rows: readonly (readonly unknown[])[] | SheetRows;
  source: Bilingual;
  licence: Bilingual;
  illustrative: boolean;
  /** Given where the table is illustrative. */
  illustrativeNote?: Bilingual;
  /** `place`: the province it is of, as a place ("tỉnh Quảng Ninh"), for a workbook that leaves the site. */
  dataset: { id: string; version: string; released: string; title: Bilingual; place: Bilingual };
}

const HEADER_ROWS = 3;

/** Rows written to the sheet's XML at a time: enough to keep zlib busy, few enough to hold little. */
const ROWS_AT_ONCE = 2_000;

/** The rows a sheet holds in Excel: a longer table goes on in further sheets, each with its headings. */
export const EXCEL_ROWS = 1_048_576;

/** Where exceljs writes the k-th sheet (from 0): the table's come first. */
const sheetPath = (k: number) => `xl/worksheets/sheet${k + 1}.xml`;
const END_OF_ROWS = '</sheetData>';

/** The height of a line of the default face (11 pt), in points. */
const LINE_HEIGHT = 15;
const ABOUT_WIDTHS = [28, 70, 70];

/**
 * How many lines a text takes, its words wrapped in a column of `width` characters (Excel's unit
 * of width: about one character of the default face, bold a little wider, hence the margin).
 */
function linesIn(text: string, width: number): number {
  const room = Math.max(1, width * 0.9 - 1);
  let [lines, used] = [1, 0];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= room) used = need;
    else {
      lines += used === 0 ? 0 : 1;
      // A word longer than the column breaks over as many lines as it fills.
      lines += Math.ceil(word.length / room) - 1;
      used = word.length % room || room;
    }
  }
  return lines;
}

/** Every sheet prints on A4 across, one page wide, as many long as it takes. */
const PRINTED: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

export async function xlsxWorkbook(t: XlsxTable, sheetRowLimit = EXCEL_ROWS): Promise<Uint8Array> {
  const released = new Date(`${t.dataset.released}T00:00:00Z`);
  // exceljs writes the workbook around the rows (headings, styles, frozen panes, filter, the sheet
  // about the source), uncompressed; the rows are written into its sheets after it.
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { store: true } });
  book.created = released;
  book.modified = released;
  book.creator = 'Poverty Atlas';
  const styles = t.columns.map((c): Partial<ExcelJS.Style> => (c.type === 'VARCHAR' ? { numFmt: '@' } : {}));
  const perSheet = sheetRowLimit - HEADER_ROWS;
  const sheets = Math.max(1, Math.ceil(t.rows.length / perSheet));
  // Room for the column's name and for the longest word of its headings, which is never broken.
  const longestWord = (text = '') => Math.max(0, ...text.split(/\s+/).map((w) => w.length));
  const widths = t.columns.map((c) =>
    Math.min(40, Math.max(10, c.name.length + 2, longestWord(c.description?.vi) + 3, longestWord(c.description?.en) + 3)),
  );
  for (let k = 0; k < sheets; k++) {
    const suffix = k === 0 ? '' : ` (${k + 1})`;
    const data = book.addWorksheet(t.name.slice(0, 31 - suffix.length) + suffix, {
      views: [{ state: 'frozen', ySplit: HEADER_ROWS }],
      pageSetup: PRINTED,
    });
    data.columns = t.columns.map((_, i) => ({ width: widths[i], style: styles[i] }));
    data.autoFilter = { from: { row: HEADER_ROWS, column: 1 }, to: { row: HEADER_ROWS, column: t.columns.length } };
    const heading = (cells: string[], font: Partial<ExcelJS.Font>) => {
      const row = data.addRow(cells);
      row.font = font;
      // A heading longer than its column wraps within it, on screen and on paper, instead of being
      // cut; its row is made as tall as its lines, which not every spreadsheet works out itself.
      row.alignment = { wrapText: true, vertical: 'bottom' };
      row.height = LINE_HEIGHT * Math.max(...cells.map((text, i) => linesIn(text, widths[i])));
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
    data.commit();
  }
  // The rows' cells take their column's style, numbered in the workbook's styles as exceljs numbers it.
  const columns = t.columns.map((c, i) => ({
    text: c.type === 'VARCHAR',
    style: (book as unknown as StyledBook).styles.addStyleModel(styles[i]),
  }));

  const about = book.addWorksheet('Nguồn - Source', { pageSetup: PRINTED });
  const rows: [string, string, string][] = [
    ['', 'Tiếng Việt', 'English'],
    ['Bộ dữ liệu / Dataset', t.dataset.title.vi, t.dataset.title.en],
    ['Tỉnh, thành phố / Province, city', t.dataset.place.vi, t.dataset.place.en],
    ['Bảng / Table', `${t.name}: ${t.description.vi}`, `${t.name}: ${t.description.en}`],
    ...(t.note ? [['Ghi chú / Note', t.note.vi, t.note.en] as [string, string, string]] : []),
    ...(sheets > 1
      ? [
          [
            'Trang tính / Sheets',
            `Bảng dài hơn một trang tính Excel: ${sheets} trang tính, mỗi trang đến ${formatNumber('vi', perSheet)} dòng`,
            `Longer than an Excel sheet holds: ${sheets} sheets of up to ${formatNumber('en', perSheet)} rows each`,
          ] as [string, string, string],
        ]
      : []),
    ['Nguồn / Source', t.source.vi, t.source.en],
    ['Giấy phép / Licence', t.licence.vi, t.licence.en],
    [
      'Phiên bản / Version',
      `${t.dataset.id} ${t.dataset.version} (${t.dataset.released})`,
      `${t.dataset.id} ${t.dataset.version} (${t.dataset.released})`,
    ],
    [
      'Số liệu minh họa? / Illustrative?',
      t.illustrative ? `CÓ. ${t.illustrativeNote?.vi ?? ''}`.trim() : 'Không: số liệu thật',
      t.illustrative ? `YES. ${t.illustrativeNote?.en ?? ''}`.trim() : 'No: real figures',
    ],
  ];
  about.columns = ABOUT_WIDTHS.map((width) => ({ width }));
  rows.forEach((r, i) => {
    const row = about.addRow(r);
    if (i === 0) row.font = { bold: true };
    // A long note or source wraps in its cell: run on past it, it was printed across four pages.
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = LINE_HEIGHT * Math.max(...r.map((text, j) => linesIn(text, ABOUT_WIDTHS[j])));
    row.commit();
  });
  about.commit();
  await book.commit();
  const frame: Record<string, Uint8Array | Deflated> = unzipSync(new Uint8Array(Buffer.concat(chunks)));
  const rowsXml = ('writer' in t.rows ? t.rows : arraySheetRows(t.rows)).writer(columns);
  for (let k = 0; k < sheets; k++) {
    const headed = new TextDecoder().decode(frame[sheetPath(k)] as Uint8Array);
    frame[sheetPath(k)] = await sheetWithRows(headed, k * perSheet, Math.min(t.rows.length, (k + 1) * perSheet), rowsXml);
  }
  // Every entry dated with the release date, not the time of writing: the same bytes for the same table on every run.
  return deterministicZip(frame, released);
}

/**
 * The sheet exceljs wrote with its headings only, with the table's rows after them, deflated as
 * it is written (on zlib's thread, while the next rows are made): a national table's sheet is
 * 421 MB of XML, never held whole. A short one is deflated whole at its end (see DeflatingEntry).
 */
async function sheetWithRows(headed: string, from: number, to: number, rowsXml: ReturnType<SheetRows['writer']>): Promise<Deflated> {
  const end = headed.lastIndexOf(END_OF_ROWS);
  const entry = new DeflatingEntry();
  const encoder = new TextEncoder();
  await entry.write(encoder.encode(headed.slice(0, end)));
  for (let row = from; row < to; row += ROWS_AT_ONCE) {
    await entry.write(rowsXml(row, Math.min(to, row + ROWS_AT_ONCE), HEADER_ROWS + 1 + row - from));
  }
  await entry.write(encoder.encode(headed.slice(end)));
  return entry.end();
}

/** The part of exceljs's workbook writer the rows need: its registry of cell styles. */
interface StyledBook {
  styles: { addStyleModel(style: Partial<ExcelJS.Style>): number };
}
