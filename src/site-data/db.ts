import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { rollup } from 'd3';
import { checkedVersion } from '../lib/dataset-version.ts';
import { z } from 'zod';
import { manifestSchema, type Manifest } from '../lib/manifest.ts';
import type { OfUnit, Sql } from '../lib/queries.ts';
import type { ResultTable } from '../lib/result-export.ts';
import { once } from './memo.ts';

/** Where the pipeline published the data the site is built from. */
export const DATA_DIR = process.env.DATA_DIR ?? 'public/data';

let manifest: Manifest | null = null;
export function loadManifest(): Manifest {
  if (!manifest) {
    const path = join(DATA_DIR, 'manifest.json');
    if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run data" before building the site`);
    const read = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!read.success) throw new Error(`${path} is not a manifest this site can build from: ${z.prettifyError(read.error)}`);
    manifest = read.data;
    // The version goes into paths and snippets: a hand-edited manifest must not carry anything else.
    checkedVersion(manifest.dataset.version);
  }
  return manifest;
}

let connections: Promise<DuckDBConnection[]> | null = null;
let turn = 0;

/**
 * DuckDB connections holding every published table, read once from its Parquet file: the build
 * runs thousands of queries, and a view over the file would decode it again for each. One
 * connection per core, taken in turn: a connection runs one query at a time, and with one the
 * first pages (every figure's data at once) waited on it while the other core idled (the build
 * 1 s faster with two on 2 cores).
 */
async function connect(): Promise<DuckDBConnection> {
  connections ??= (async () => {
    const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
    const first = await instance.connect();
    for (const table of loadManifest().tables) {
      const parquet = table.files.find((f) => f.path.endsWith('.parquet'))!;
      await first.run(
        `CREATE TABLE "${table.name}" AS SELECT * FROM read_parquet('${join(DATA_DIR, parquet.path).replaceAll("'", "''")}')`,
      );
    }
    const others = await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) - 1 }, () => instance.connect()));
    return [first, ...others];
  })();
  const all = await connections;
  return all[turn++ % all.length];
}

/** DuckDB's type names as the browser's Arrow results name them (DuckDB-WASM casts BIGINT and DECIMAL to DOUBLE there). */
const ARROW_TYPE: Record<string, string> = { INTEGER: 'Int32', BIGINT: 'Float64', DOUBLE: 'Float64', VARCHAR: 'Utf8', BOOLEAN: 'Bool' };

const keyOf = (q: Sql<unknown>) => `${q.text}\u0000${JSON.stringify(q.params)}`;

/**
 * Runs a query at build time, its values bound as parameters; the same SQL runs in the browser
 * against the same tables. Each distinct query runs once per build, since the tables do not change
 * while the site is built: a page in its second language asks what the first asked. Only the rows
 * are kept, not DuckDB's result, and they are frozen: the pages that share them must not change them.
 */
const read = (q: Sql<unknown>): Promise<ResultTable> => once(`sql\u0000${keyOf(q)}`, () => run(q));

async function run(q: Sql<unknown>): Promise<ResultTable> {
  const reader = await (await connect()).runAndReadAll(q.text, q.params);
  return Object.freeze({
    columns: reader.columnNames(),
    types: reader.columnTypes().map((t) => ARROW_TYPE[t.toString()] ?? 'Utf8'),
    rows: Object.freeze((reader.getRowObjectsJS() as Record<string, unknown>[]).map((row) => Object.freeze(row))),
  }) as ResultTable;
}

/** The rows of a query, typed as the query declares them. */
export async function query<Row>(q: Sql<Row>): Promise<Row[]> {
  return (await read(q)).rows as Row[];
}

/**
 * One unit's rows of a query over every unit of a level (see OfUnit), without the unit's code. The
 * query runs once per build and is split by unit: a query per unit scans the whole table each time,
 * so their time grew with the square of the number of units (most of 40 s of DuckDB for 10× Quảng Ninh).
 */
export async function rowsOfUnit<Row>(q: Sql<OfUnit<Row>>, code: string): Promise<Row[]> {
  return (await rowsByUnit(q)).get(code) ?? [];
}

/** Every unit's rows of such a query, by unit code (for a page that looks up several units). */
export const rowsByUnit = <Row>(q: Sql<OfUnit<Row>>): Promise<ReadonlyMap<string, Row[]>> =>
  once(`by-unit\u0000${keyOf(q)}`, async () =>
    rollup(
      (await run(q)).rows as OfUnit<Row>[],
      (group) => Object.freeze(group.map(({ of_unit: _, ...row }) => Object.freeze(row) as Row)) as Row[],
      (row) => row.of_unit,
    ),
  );

/** A query's result with its columns and their types, as the explore page holds one. */
export const queryTable = (q: Sql): Promise<ResultTable> => read(q);
