import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Options, parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { isPrintableAscii } from '../lib/printable-ascii.ts';
import { decodeText } from './decode-text.ts';
import { checkHeader } from './header-check.ts';
import type { TableSpec } from './input-schema.ts';
import { readableInput } from './input-file.ts';
import { fileIssue, issue, type Issue } from './issues.ts';

/** A table as read from disk: text cells keyed by header, each row with its line in the file. */
export interface RawTable {
  file: string;
  header: string[];
  rows: { line: number; cells: Record<string, string> }[];
  /** Cells that could not be read ("line|column"): already reported, so not checked again. */
  unreadable: Set<string>;
}

/** Rows of text cells as they stand in a CSV file or a sheet (named `sheet`). */
export interface Grid {
  sheet: string;
  lines: { line: number; values: string[] }[];
  /** Cells whose value cannot be trusted (errors, formulas never calculated), reported if this grid is read. */
  problems?: { line: number; index: number; address: string; value: string; problem: string }[];
}

/**
 * A text in Unicode's composed form (NFC), the one the checks and the published files use. Most
 * cells are codes and numbers, which are already: asking ICU for each of a national table's
 * millions of cells took longer than the rest of making its rows.
 */
const normalized = (text: string) => (isPrintableAscii(text) ? text : text.normalize('NFC'));

/** Rows that hold nothing (",,,," or an empty spreadsheet row) are not data: they are skipped. */
const isBlank = (values: string[]) => values.every((v) => v.trim() === '');

/**
 * The most rows a table may have: a national dataset's largest, every commune's 12 deprivations
 * under two standards for five years, is about 1,3 million. Beyond it a file of tiny rows would
 * take the pipeline's memory before any check could say what is wrong.
 */
const MAX_ROWS = 5_000_000;

/** The records a CSV file may have before it is refused: one past the limit, and its header. */
const MAX_RECORDS = MAX_ROWS + 2;

/** How csv-parse reads a CSV file's text into lines of values. */
export const CSV_OPTIONS: Options<Grid['lines'][number], string[]> = {
  skip_empty_lines: true,
  relax_column_count: true,
  to: MAX_RECORDS,
  // Each record made into a line as it is parsed: with `info`, every record kept an object of
  // a dozen fields about the parser's state until all were read (0,1 GB for a national table).
  on_record: (values, { lines: line }) => ({ line, values }),
};

/**
 * The lines of a CSV text that holds no quote and breaks its lines one way (LF, or CRLF
 * throughout), as csv-parse reads them (a property test holds the two to the same lines): each
 * record is a line, its values between commas. A machine-written table nearly always is such a
 * text, and csv-parse took a third of reading a national dataset. Null for any other text.
 * At most `most` records are read, as csv-parse's `to` reads them.
 */
export function unquotedLines(text: string, most = MAX_RECORDS): Grid['lines'] | null {
  if (text.includes('"')) return null;
  const crlf = text.includes('\r');
  // csv-parse takes the first line break it meets for all: another kind stays inside the values.
  if (crlf && /\r(?!\n)|(?<!\r)\n/.test(text)) return null;
  const eol = crlf ? '\r\n' : '\n';
  const lines: Grid['lines'] = [];
  // Line by line, not split whole: a file of 256 MB of line breaks would be as many empty texts.
  for (let [start, line] = [0, 1]; start <= text.length && lines.length < most; line++) {
    const found = text.indexOf(eol, start);
    const end = found < 0 ? text.length : found;
    if (end > start) lines.push({ line, values: text.slice(start, end).split(',') });
    start = end + eol.length;
  }
  return lines;
}

function csvGrid(file: string, bytes: Buffer, issues: Issue[]): Grid | null {
  const text = decodeText(file, bytes, issues);
  if (text == null) return null;
  let lines: Grid['lines'];
  try {
    // The typings know on_record only beside `columns`; without them it still makes each record.
    lines = unquotedLines(text) ?? (parse(text, CSV_OPTIONS as unknown as Options) as unknown as Grid['lines']);
  } catch (e) {
    const err = e as { lines?: number; message: string };
    issues.push(issue('error', file, err.lines ?? 0, '', '', 'csv_syntax', `the CSV cannot be read: ${err.message}`));
    return null;
  }
  if (lines.length > MAX_ROWS + 1) {
    issues.push(
      fileIssue(
        'error',
        file,
        'too_many_rows',
        `more than ${MAX_ROWS.toLocaleString('en')} rows, far beyond a province's (or a country's) table: is it the right file?`,
      ),
    );
    return null;
  }
  return { sheet: file, lines };
}

/** The text of a spreadsheet cell, or why it has none a reader could trust. */
function cellText(value: ExcelJS.CellValue): { text: string } | { problem: string; value: string } {
  if (value == null) return { text: '' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    if ('error' in value) return { problem: `holds the error ${value.error}`, value: value.error };
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = value as ExcelJS.CellFormulaValue;
      if (formula.result == null) return { problem: 'holds a formula whose value was never saved', value: `=${formula.formula ?? ''}` };
      const result = cellText(formula.result as ExcelJS.CellValue);
      return 'problem' in result ? { ...result, value: `=${formula.formula ?? ''} → ${result.value}` } : result;
    }
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
    if ('text' in value) return { text: String(value.text) };
  }
  return { text: String(value) };
}

async function xlsxGrids(file: string, path: string, issues: Issue[]): Promise<Grid[] | null> {
  // Loaded only for a workbook: exceljs takes half a second to load, and most datasets are CSV.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    issues.push(
      fileIssue(
        'error',
        file,
        'xlsx_unreadable',
        `the workbook cannot be read (${(e as Error).message}): save it again as an Excel workbook (.xlsx)`,
      ),
    );
    return null;
  }
  return workbook.worksheets.map((sheet) => {
    const lines: Grid['lines'] = [];
    const problems: NonNullable<Grid['problems']> = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const values = Array.from({ length: row.cellCount }, (_, i) => {
        const cell = row.getCell(i + 1);
        const read = cellText(cell.value);
        if ('text' in read) return read.text;
        problems.push({ line, index: i, address: cell.address, value: read.value, problem: read.problem });
        return '';
      });
      lines.push({ line, values });
    });
    return { sheet: sheet.name, lines, problems };
  });
}

/** Turns a grid into a table: drops blank rows and trailing unnamed empty columns, checks the header. */
function toTable(file: string, grid: Grid, strictWidth: boolean, issues: Issue[]): RawTable | null {
  const lines = grid.lines.filter((l) => !isBlank(l.values) || grid.problems?.some((p) => p.line === l.line));
  if (lines.length === 0) {
    issues.push(fileIssue('error', file, 'empty_file', 'the file is empty: it needs a header row and data rows'));
    return null;
  }
  let header = lines[0].values.map((h) => normalized(h.trim()));
  // Spreadsheets often carry empty columns to the right: unnamed and empty, they mean nothing.
  let width = header.length;
  while (width > 0 && header[width - 1] === '' && lines.every((l) => (l.values[width - 1] ?? '').trim() === '')) width -= 1;
  header = header.slice(0, width);
  // Made in a loop, a national table's rows take a third of the time; but a column named
  // "__proto__" would not become a cell that way, and a header may name anything.
  const cellsOf = header.includes('__proto__')
    ? (values: string[]) => Object.fromEntries(header.map((h, i) => [h, normalized((values[i] ?? '').trim())]))
    : (values: string[]) => {
        const cells: Record<string, string> = {};
        for (let i = 0; i < width; i++) cells[header[i]] = normalized((values[i] ?? '').trim());
        return cells;
      };
  const rows = lines.slice(1).map(({ line, values }) => {
    const extra = values.slice(width).filter((v) => v.trim() !== '');
    // A spreadsheet row ends at its last filled cell; a CSV row must have every field.
    if (extra.length > 0 || (strictWidth && values.length < width)) {
      issues.push(
        issue('error', file, line, '', values.join(','), 'column_count', `the row has ${values.length} fields but the header has ${width}`),
      );
    }
    return { line, cells: cellsOf(values) };
  });
  const unreadable = new Set<string>();
  for (const p of grid.problems ?? []) {
    const column = header[p.index] ?? p.address;
    unreadable.add(`${p.line}|${column}`);
    issues.push(
      issue(
        'error',
        file,
        p.line,
        column,
        p.value,
        'xlsx_formula',
        `cell ${p.address} ${p.problem}: replace formulas with their values (Copy, then Paste Values) and save again`,
      ),
    );
  }
  return { file, header, rows, unreadable };
}

/** Reads `<name>.csv` or `<name>.xlsx` from the dataset folder; null (with the reason in `issues`) if it can't. */
export async function readTable(dir: string, spec: TableSpec, issues: Issue[]): Promise<RawTable | null> {
  const { name, required } = spec;
  const csv = `${name}.csv`;
  const xlsx = `${name}.xlsx`;
  const hasCsv = existsSync(join(dir, csv));
  const hasXlsx = existsSync(join(dir, xlsx));
  if (hasCsv && hasXlsx) {
    issues.push(fileIssue('error', csv, 'ambiguous_file', `both ${csv} and ${xlsx} exist: keep one`));
    return null;
  }
  if (!hasCsv && !hasXlsx) {
    if (required) issues.push(fileIssue('error', csv, 'missing_file', `the required table "${name}" is missing (${csv} or ${xlsx})`));
    return null;
  }
  const file = hasCsv ? csv : xlsx;
  if (!readableInput(dir, file, issues)) return null;
  const grids = hasCsv ? [csvGrid(csv, readFileSync(join(dir, csv)), issues)] : await xlsxGrids(xlsx, join(dir, xlsx), issues);
  if (!grids || grids[0] === null) return null;
  const first = grids[0];
  if (!first) {
    issues.push(fileIssue('error', file, 'empty_file', 'the workbook has no sheet'));
    return null;
  }
  const table = toTable(file, first, hasCsv, issues);
  if (!table) return null;
  return checkHeader(
    table,
    first,
    spec,
    grids.slice(1).filter((g) => g != null),
    issues,
  )
    ? table
    : null;
}
