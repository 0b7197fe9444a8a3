import type { TableSpec } from './input-schema.ts';
import { issue, type Issue } from './issues.ts';
import type { Grid, RawTable } from './read-table.ts';
import { foldName } from '../lib/names.ts';
import { columnLetters } from '../lib/sheet-rows.ts';

/** "column 3 (C)": the position as a CSV field and as a spreadsheet column letter. */
export const columnPosition = (index: number): string => `column ${index + 1} (${columnLetters(index)})`;

/** How many of the table's column names a row holds, compared loosely: "Households" and "house_holds" are "households". */
const matches = (values: string[], spec: TableSpec) => {
  const wanted = new Set(spec.columns.map((c) => foldName(c.name)));
  return values.filter((v) => wanted.has(foldName(v))).length;
};

/**
 * Checks a table's header row before any cell is read: the delimiter, duplicate and empty
 * names, names that differ only in case or spacing, a title row above the header, the table on
 * another sheet. Returns false when the rows cannot be read column by column.
 */
export function checkHeader(table: RawTable, grid: Grid, spec: TableSpec, otherSheets: Grid[], issues: Issue[]): boolean {
  const { file, header } = table;
  const err = (column: string, value: string, rule: string, message: string) =>
    issues.push(issue('error', file, 1, column, value, rule, message));
  const known = new Map(spec.columns.map((c) => [foldName(c.name), c.name]));

  if (header.length === 1) {
    const delimiter = [';', '\t', '|'].find((d) => header[0].includes(d));
    if (delimiter) {
      err(
        '',
        header[0],
        'csv_delimiter',
        `the columns are separated by "${delimiter === '\t' ? 'tab' : delimiter}", not by commas: save as "CSV UTF-8 (comma delimited)" or replace the separator with ","`,
      );
      return false;
    }
  }

  const missing = spec.columns.filter((c) => c.required && !header.includes(c.name));
  if (missing.length > 0 && matches(header, spec) < spec.columns.filter((c) => c.required).length / 2) {
    const titled = grid.lines.slice(1, 11).find((l) => matches(l.values, spec) >= missing.length);
    if (titled) {
      err(
        '',
        header.join(','),
        'header_not_first',
        `the header must be the first row: row ${titled.line} looks like the header; delete the title rows above it`,
      );
      return false;
    }
    const elsewhere = otherSheets.find((g) => g.lines.slice(0, 10).some((l) => matches(l.values, spec) >= missing.length));
    if (elsewhere) {
      err(
        '',
        header.join(','),
        'table_on_other_sheet',
        `only the first sheet is read, and sheet "${elsewhere.sheet}" looks like this table: move it to the first position`,
      );
      return false;
    }
  }

  let ok = true;
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === '') {
      err(
        columnPosition(i),
        '',
        'empty_header',
        `${columnPosition(i)} has no name but holds data: name it or delete the column (merged header cells leave such gaps)`,
      );
      ok = false;
      return;
    }
    const first = seen.get(foldName(name));
    if (first != null) {
      err(
        name,
        name,
        'duplicate_header',
        `${columnPosition(first)} "${header[first]}" and ${columnPosition(i)} "${name}" are the same column: keep one (merged header cells repeat their name)`,
      );
      ok = false;
    } else seen.set(foldName(name), i);
  });

  for (const name of header) {
    if (name === '' || spec.columns.some((c) => c.name === name)) continue;
    const meant = known.get(foldName(name));
    if (meant && !header.includes(meant)) {
      err(
        name,
        name,
        'column_name_form',
        `did you mean "${meant}"? Column names are written exactly as in the format (lower case, "_" between words)`,
      );
    } else {
      err(name, name, 'unknown_column', `unknown column: the columns of ${spec.name} are ${spec.columns.map((c) => c.name).join(', ')}`);
    }
  }
  for (const c of missing) {
    if (!header.some((h) => known.get(foldName(h)) === c.name))
      err(c.name, '', 'missing_column', `the required column "${c.name}" is missing`);
  }
  return ok && missing.length === 0;
}
