import { checkCell, type Value } from './column-forms.ts';
import type { TableSpec } from './input-schema.ts';
import { issue, type Issue } from './issues.ts';
import type { RawTable } from './read-table.ts';

export type { Value } from './column-forms.ts';
export type TypedRow = Record<string, Value> & { _line: number };

/** A row's key as written, its cells joined by " | " (a missing one as empty text). */
export function writtenKey(cells: Record<string, string | undefined>, key: string[]): string {
  // Joined in a loop (a map and a join a row were a tenth of reading a national table).
  let out = cells[key[0]] ?? '';
  for (let k = 1; k < key.length; k++) out += ` | ${cells[key[k]] ?? ''}`;
  return out;
}

/**
 * The row a key was first seen on, found through one map a key column, the key's last column
 * first (a key names its unit first, and there are far more units than years or standards): a
 * key joined into one string a row was a second of a national dataset's checks, most of it
 * garbage the Map kept until the table was done.
 */
function firstRows(key: string[]) {
  const columns = [...key].reverse();
  const root = new Map<string, unknown>();
  return (cells: Record<string, string | undefined>, line: number): number | undefined => {
    let level = root;
    for (let k = 0; k < columns.length - 1; k++) {
      const value = cells[columns[k]] ?? '';
      let next = level.get(value) as Map<string, unknown> | undefined;
      if (!next) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const last = cells[columns[columns.length - 1]] ?? '';
    const first = level.get(last) as number | undefined;
    if (first === undefined) level.set(last, line);
    return first;
  };
}

/**
 * Checks a table's cells against its spec (the header was checked on reading); returns typed rows
 * (rows with errors are dropped). The keys of rows dropped for a cell's error go into `dropped`:
 * a row of another table that refers to one is not a second error.
 */
export function validateColumns(table: RawTable, spec: TableSpec, issues: Issue[], dropped = new Set<string>()): TypedRow[] {
  const typed: TypedRow[] = [];
  const firstRow = firstRows(spec.key);
  const present = spec.columns.filter((c) => table.header.includes(c.name) || c.required);
  for (const { line, cells } of table.rows) {
    const row: TypedRow = { _line: line };
    let ok = true;
    for (const c of spec.columns) row[c.name] = null;
    for (const c of present) {
      if (table.unreadable.size > 0 && table.unreadable.has(`${line}|${c.name}`)) {
        ok = false;
        continue;
      }
      const result = checkCell(c, cells[c.name] ?? '');
      if ('rule' in result) {
        issues.push(issue('error', table.file, line, c.name, cells[c.name], result.rule, result.message));
        ok = false;
      } else row[c.name] = result.value;
    }
    const first = firstRow(cells, line);
    if (first != null) {
      const key = writtenKey(cells, spec.key);
      issues.push(
        issue(
          'error',
          table.file,
          line,
          spec.key.join('+'),
          key,
          'duplicate_key',
          `the same ${spec.key.join(' + ')} is already on row ${first}`,
        ),
      );
      ok = false;
    } else if (!ok) dropped.add(writtenKey(cells, spec.key));
    if (ok) typed.push(row);
  }
  return typed;
}
