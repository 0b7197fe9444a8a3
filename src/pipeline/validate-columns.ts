import type { ColumnSpec, TableSpec } from './input-schema.ts';
import { issue, type Issue } from './issues.ts';
import type { RawTable } from './read-table.ts';

export type Value = string | number | boolean | null;
export type TypedRow = Record<string, Value> & { _line: number };

const CODE = /^[0-9A-Za-z][0-9A-Za-z_.-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Converts one cell to its typed value, or says which rule it breaks. */
function convert(spec: ColumnSpec, text: string): { value: Value } | { rule: string; message: string } {
  if (text === '') {
    return spec.required ? { rule: 'required', message: 'a value is required' } : { value: null };
  }
  switch (spec.type) {
    case 'code':
      return CODE.test(text) ? { value: text } : { rule: 'code', message: 'a code has only letters, digits, "_", "." or "-" (keep leading zeros: 06649)' };
    case 'integer': {
      if (!/^-?\d+$/.test(text)) return { rule: 'integer', message: 'a whole number is required (no decimals, spaces or thousands separators)' };
      const n = Number(text);
      return n < 0 ? { rule: 'non_negative', message: 'counts cannot be negative' } : { value: n };
    }
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) ? { value: Number(text) } : { rule: 'number', message: 'a number is required, with "." as the decimal mark' };
    case 'year':
      return /^(19|20)\d{2}$/.test(text) ? { value: Number(text) } : { rule: 'year', message: 'a four-digit year is required' };
    case 'date':
      return DATE.test(text) && !Number.isNaN(Date.parse(text)) ? { value: text } : { rule: 'date', message: 'a date as YYYY-MM-DD is required' };
    case 'boolean':
      return text === 'yes' || text === 'no' ? { value: text === 'yes' } : { rule: 'boolean', message: 'yes or no is required' };
    case 'url':
      return /^https?:\/\/\S+$/.test(text) ? { value: text } : { rule: 'url', message: 'a web address starting with http:// or https:// is required' };
    case 'enum':
      return spec.values!.includes(text) ? { value: text } : { rule: 'allowed_values', message: `allowed values: ${spec.values!.join(', ')}` };
    default:
      return { value: text };
  }
}

/** Checks a table's header and cells against its spec; returns typed rows (rows with errors are dropped). */
export function validateColumns(table: RawTable, spec: TableSpec, issues: Issue[]): TypedRow[] {
  const known = new Set(spec.columns.map((c) => c.name));
  for (const h of table.header) {
    if (!known.has(h)) issues.push(issue('error', table.file, 1, h, h, 'unknown_column', `unknown column: the columns of ${spec.name} are ${[...known].join(', ')}`));
  }
  const missing = spec.columns.filter((c) => c.required && !table.header.includes(c.name));
  for (const c of missing) issues.push(issue('error', table.file, 1, c.name, '', 'missing_column', `the required column "${c.name}" is missing`));
  if (missing.length > 0) return [];

  const typed: TypedRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const row: TypedRow = { _line: line };
    let ok = true;
    for (const c of spec.columns) {
      const result = convert(c, cells[c.name] ?? '');
      if ('rule' in result) {
        issues.push(issue('error', table.file, line, c.name, cells[c.name], result.rule, result.message));
        ok = false;
      } else row[c.name] = result.value;
    }
    const key = spec.key.map((k) => cells[k]).join(' | ');
    const first = seen.get(key);
    if (first != null) {
      issues.push(issue('error', table.file, line, spec.key.join('+'), key, 'duplicate_key', `the same ${spec.key.join(' + ')} is already on row ${first}`));
      ok = false;
    } else seen.set(key, line);
    if (ok) typed.push(row);
  }
  return typed;
}
