import { csvFormat } from 'd3';

/** A query result as the explore page holds it: column names, Arrow type names, and plain rows. */
export interface ResultTable {
  columns: string[];
  types: string[];
  rows: Record<string, unknown>[];
}

export const toCsv = (r: ResultTable): string =>
  csvFormat(r.rows.map((row) => Object.fromEntries(r.columns.map((c) => [c, row[c] == null ? '' : String(row[c])]))), r.columns) + '\n';

export const toJson = (r: ResultTable): string => JSON.stringify(r.rows.map((row) => Object.fromEntries(r.columns.map((c) => [c, row[c] ?? null]))), null, 1);

/** The Parquet physical type for an Arrow type name (whole numbers beyond 32 bits become doubles, as DuckDB casts them). */
export function parquetType(arrowType: string): 'INT32' | 'DOUBLE' | 'BOOLEAN' | 'STRING' {
  if (/^U?Int(8|16|32)$/.test(arrowType)) return 'INT32';
  if (/^(U?Int64|Float|Decimal)/.test(arrowType)) return 'DOUBLE';
  if (arrowType === 'Bool') return 'BOOLEAN';
  return 'STRING';
}

/** Column data for hyparquet-writer: one typed column per result column, nulls kept. */
export function parquetColumns(r: ResultTable) {
  return r.columns.map((name, i) => {
    const type = parquetType(r.types[i]);
    const data = r.rows.map((row) => {
      const v = row[name];
      if (v == null) return null;
      return type === 'STRING' ? String(v) : type === 'BOOLEAN' ? Boolean(v) : Number(v);
    });
    return { name, data, type };
  });
}
