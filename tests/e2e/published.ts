import { DuckDBInstance } from '@duckdb/node-api';

/** Reads the published data the way a checker would: `{table}` in the SQL names its Parquet file. */
export async function published<T>(sql: string): Promise<T[]> {
  const conn = await (await DuckDBInstance.create()).connect();
  return (await conn.runAndReadAll(sql.replace(/\{(\w+)\}/g, "'public/data/parquet/$1.parquet'"))).getRowObjectsJS() as T[];
}
