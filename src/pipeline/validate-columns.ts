import { checkCell, type Value } from './column-forms.ts';
import type { TableSpec } from './input-schema.ts';
import { issue, type Issue } from './issues.ts';
import type { RawTable } from './read-table.ts';

export type { Value } from './column-forms.ts';
export type TypedRow = Record<string, Value> & { _line: number };

/** Checks a table's cells against its spec (the header was checked on reading); returns typed rows (rows with errors are dropped). */
export function validateColumns(table: RawTable, spec: TableSpec, issues: Issue[]): TypedRow[] {
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
    // Joined in a loop (a map and a join a row were a tenth of reading a national table), a
    // missing cell as empty text, as a join writes it.
    let key = cells[spec.key[0]] ?? '';
    for (let k = 1; k < spec.key.length; k++) key += ` | ${cells[spec.key[k]] ?? ''}`;
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
    } else seen.set(key, line);
    if (ok) typed.push(row);
  }
  return typed;
}
