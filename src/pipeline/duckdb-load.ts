import type { DuckDBConnection } from '@duckdb/node-api';

export type SqlType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';
export interface SqlColumn {
  name: string;
  type: SqlType;
}

/**
 * Creates a table and fills it with rows through DuckDB's appender (fast, and no SQL string
 * building). The rows may be made one at a time as they are appended.
 */
export async function loadTable(
  conn: DuckDBConnection,
  table: string,
  columns: SqlColumn[],
  rows: Iterable<Record<string, unknown>>,
): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE "${table}" (${columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
  const appender = await conn.createAppender(table);
  for (const row of rows) {
    for (const c of columns) {
      const v = row[c.name];
      if (v == null || v === '') appender.appendNull();
      else if (c.type === 'VARCHAR') appender.appendVarchar(String(v));
      else if (c.type === 'INTEGER') appender.appendInteger(Number(v));
      else if (c.type === 'DOUBLE') appender.appendDouble(Number(v));
      else appender.appendBoolean(Boolean(v));
    }
    appender.endRow();
  }
  appender.closeSync();
}
