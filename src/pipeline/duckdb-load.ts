import type { DuckDBConnection } from '@duckdb/node-api';

export type SqlType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN';
export interface SqlColumn {
  name: string;
  type: SqlType;
}

/**
 * Creates a table and fills it with rows through DuckDB's appender (fast, and no SQL string
 * building). The rows may be made one at a time as they are appended, each an object by column
 * name or an array in the columns' order (a national table's rows, made as objects of a dozen
 * keys, were seconds of garbage collection).
 */
export async function loadTable(
  conn: DuckDBConnection,
  table: string,
  columns: SqlColumn[],
  rows: Iterable<Record<string, unknown> | readonly unknown[]>,
): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE "${table}" (${columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
  const appender = await conn.createAppender(table);
  for (const row of rows) {
    const byOrder = Array.isArray(row);
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      const v = byOrder ? row[i] : (row as Record<string, unknown>)[c.name];
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
