import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { Table, tableToIPC } from 'apache-arrow';
import { arrowColumn } from './arrow-columns.ts';
import type { PublishedTableName } from '../lib/published-tables.ts';
import { checkDeclared } from './published-check.ts';
import { pathInside } from '../lib/safe-path.ts';
import { spreadsheetSafeSql } from '../lib/spreadsheet-safe.ts';

export interface FileEntry {
  path: string;
  bytes: number;
  sha256: string;
}

/** A published table as read back from DuckDB, checked, and written as an Arrow IPC stream. */
export interface ArrowExport {
  name: string;
  rows: number;
  schema: { name: string; type: string }[];
  /** The Arrow copy's path in `root` (the Excel copy is written from it). */
  arrow: string;
}

export const fileEntry = (root: string, path: string): FileEntry => {
  const bytes = readFileSync(pathInside(root, path));
  return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
};

/**
 * Reads one published table, checks it against what is declared of it and writes it as an Arrow
 * IPC stream, for the browser (DuckDB-WASM has no offline Parquet reader, and it loads Arrow with
 * core DuckDB alone) and for the table's workbook, which can start before the other formats are written.
 */
export async function exportArrow(conn: DuckDBConnection, root: string, name: PublishedTableName): Promise<ArrowExport> {
  mkdirSync(join(root, 'arrow'), { recursive: true });
  const arrow = `arrow/${name}.arrow`;
  const reader = await conn.runAndReadAll(`SELECT * FROM "${name}"`);
  const names = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.toString());
  const columns = reader.getColumnsJS();
  checkDeclared(name, names, types, columns);
  const vectors = Object.fromEntries(names.map((col, i) => [col, arrowColumn(types[i], (columns[i] ?? []) as unknown[])]));
  writeFileSync(pathInside(root, arrow), tableToIPC(new Table(vectors), 'stream'));
  return { name, rows: reader.currentRowCount, schema: names.map((n, i) => ({ name: n, type: types[i] })), arrow };
}

/** Writes one published table as Parquet (zstd) and CSV; returns them with the Arrow copy, in that order. */
export async function exportFiles(conn: DuckDBConnection, root: string, { name, schema, arrow }: ArrowExport): Promise<FileEntry[]> {
  for (const dir of ['parquet', 'csv']) mkdirSync(join(root, dir), { recursive: true });
  const parquet = `parquet/${name}.parquet`;
  const csv = `csv/${name}.csv`;
  await conn.run(`COPY "${name}" TO '${pathInside(root, parquet)}' (FORMAT parquet, COMPRESSION zstd)`);
  // The CSV is what spreadsheets open: text that would run as a formula is neutralised there.
  const csvColumns = schema.map((c) => (c.type === 'VARCHAR' ? spreadsheetSafeSql(c.name) : `"${c.name}"`)).join(', ');
  await conn.run(`COPY (SELECT ${csvColumns} FROM "${name}") TO '${pathInside(root, csv)}' (FORMAT csv, HEADER true)`);
  return [parquet, csv, arrow].map((p) => fileEntry(root, p));
}
