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
 * Checks a table's cells against its spec (the header was checked on reading); returns typed rows
 * (rows with errors are dropped). The keys of rows dropped for a cell's error go into `dropped`:
 * a row of another table that refers to one is not a second error.
 */
export function validateColumns(table: RawTable, spec: TableSpec, issues: Issue[], dropped = new Set<string>()): TypedRow[] {
  const typed: TypedRow[] = [];
  const seen = new Map<string, number>();
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
    const key = writtenKey(cells, spec.key);
    const first = seen.get(key);
    if (first != null) {
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
    } else {
      seen.set(key, line);
      if (!ok) dropped.add(key);
    }
    if (ok) typed.push(row);
  }
  return typed;
}
