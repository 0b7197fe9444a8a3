import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { issue, type Issue } from './issues.ts';

/** A table as read from disk: text cells keyed by header, each row with its line in the file. */
export interface RawTable {
  file: string;
  header: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function fromCsv(file: string, bytes: Buffer, issues: Issue[]): RawTable | null {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    issues.push(issue('error', file, 0, '', '', 'encoding_utf8', 'the file is not valid UTF-8: save it as "CSV UTF-8" (Excel) or UTF-8 (other editors)'));
    return null;
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    issues.push(issue('error', file, err.lines ?? 0, '', '', 'csv_syntax', `the CSV cannot be read: ${err.message}`));
    return null;
  }
  if (records.length === 0) {
    issues.push(issue('error', file, 0, '', '', 'empty_file', 'the file is empty: it needs a header row and data rows'));
    return null;
  }
  const header = records[0].record.map((h) => h.trim());
  const rows = records.slice(1).map(({ record, info }) => {
    if (record.length !== header.length) {
      issues.push(issue('error', file, info.lines, '', record.join(','), 'column_count',
        `the row has ${record.length} fields but the header has ${header.length}`));
    }
    return { line: info.lines, cells: Object.fromEntries(header.map((h, i) => [h, (record[i] ?? '').trim()])) };
  });
  return { file, header, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
  }
  return String(value).trim();
}

async function fromXlsx(file: string, path: string, issues: Issue[]): Promise<RawTable | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    issues.push(issue('error', file, 0, '', '', 'xlsx_unreadable', `the workbook cannot be read: ${(e as Error).message}`));
    return null;
  }
  const sheet = workbook.worksheets[0];
  const lines: { line: number; values: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, line) => {
    const values = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value));
    if (values.some((v) => v !== '')) lines.push({ line, values });
  });
  if (lines.length === 0) {
    issues.push(issue('error', file, 0, '', '', 'empty_file', 'the first sheet is empty: it needs a header row and data rows'));
    return null;
  }
  const header = lines[0].values;
  return {
    file, header,
    rows: lines.slice(1).map(({ line, values }) => ({ line, cells: Object.fromEntries(header.map((h, i) => [h, values[i] ?? ''])) })),
  };
}

/** Reads `<name>.csv` or `<name>.xlsx` from the dataset folder; null (with the reason in `issues`) if it can't. */
export async function readTable(dir: string, name: string, required: boolean, issues: Issue[]): Promise<RawTable | null> {
  const csv = `${name}.csv`;
  const xlsx = `${name}.xlsx`;
  const hasCsv = existsSync(join(dir, csv));
  const hasXlsx = existsSync(join(dir, xlsx));
  if (hasCsv && hasXlsx) {
    issues.push(issue('error', csv, 0, '', '', 'ambiguous_file', `both ${csv} and ${xlsx} exist: keep one`));
    return null;
  }
  if (!hasCsv && !hasXlsx) {
    if (required) issues.push(issue('error', csv, 0, '', '', 'missing_file', `the required table "${name}" is missing (${csv} or ${xlsx})`));
    return null;
  }
  return hasCsv ? fromCsv(csv, readFileSync(join(dir, csv)), issues) : fromXlsx(xlsx, join(dir, xlsx), issues);
}
