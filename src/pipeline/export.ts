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
  const described = (await conn.runAndReadAll(`DESCRIBE "${name}"`)).getRowObjectsJS();
  const names = described.map((c) => String(c.column_name));
  const types = described.map((c) => String(c.column_type));
  const text = await textAsCodes(conn, name, names, types);
  const reader = await conn.runAndReadAll(`SELECT ${text.select.join(', ')} FROM "${name}"`);
  const read = reader.getColumnsJS();
  for (const type of text.types) await conn.run(`DROP TYPE ${type}`);
  checkDeclared(
    name,
    names,
    types,
    read.map((values, i) => {
      const dictionary = text.dictionaries.get(i);
      return dictionary ? values.map((code) => (code == null ? null : dictionary[Number(code)])) : values;
    }),
  );
  const vectors = Object.fromEntries(names.map((col, i) => [col, arrowColumn(types[i], read[i] ?? [], text.dictionaries.get(i))]));
  writeFileSync(pathInside(root, arrow), tableToIPC(new Table(vectors), 'stream'));
  return { name, rows: reader.currentRowCount, schema: names.map((n, i) => ({ name: n, type: types[i] })), arrow };
}

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * The columns of a table to read it by: each text column as the code of its value in an ENUM of
 * the values it holds (a type made for it, to be dropped once read), with the ENUM's values read
 * once. DuckDB's Node API reads a text value longer than 12 bytes with a call into DuckDB and a
 * decoder of its own (3,2 s of the main thread for the national deprivation table's names and
 * codes), and an ENUM's list of values afresh for every chunk of 2.048 rows; a code it reads as a
 * number (0,4 s for the same three columns). A column with no value at all is read as it is.
 */
async function textAsCodes(conn: DuckDBConnection, table: string, names: string[], types: string[]) {
  const out = { select: names.map(quoted), types: [] as string[], dictionaries: new Map<number, string[]>() };
  const text = types.flatMap((type, i) => (type === 'VARCHAR' ? [i] : []));
  if (text.length === 0) return out;
  // Which text columns hold a value at all, all counted in one scan of the table.
  const [counts] = (
    await conn.runAndReadAll(`SELECT ${text.map((i) => `count(${quoted(names[i])})`).join(', ')} FROM ${quoted(table)}`)
  ).getRows();
  for (const [k, i] of text.entries()) {
    if (Number(counts[k]) === 0) continue;
    const [column, type] = [quoted(names[i]), `atlas_export_text_${i}`];
    await conn.run(`CREATE TYPE ${type} AS ENUM (SELECT DISTINCT ${column} FROM ${quoted(table)} WHERE ${column} IS NOT NULL)`);
    out.select[i] = `enum_code(${column}::${type}) AS ${column}`;
    out.types.push(type);
    const [[values]] = (await conn.runAndReadAll(`SELECT enum_range(NULL::${type})`)).getRowsJS();
    out.dictionaries.set(i, values as string[]);
  }
  return out;
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
