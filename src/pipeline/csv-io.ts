import { readFileSync, writeFileSync } from 'node:fs';
import { csvFormat } from 'd3';

/** Writes rows as UTF-8 CSV with a fixed column order, so the bytes are stable across runs. */
export function writeCsv(path: string, rows: Record<string, unknown>[], columns: string[]): void {
  const text = csvFormat(
    rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] == null ? '' : String(r[c])]))),
    columns,
  );
  writeFileSync(path, `${text}\n`, 'utf8');
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
