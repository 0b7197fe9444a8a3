import { csvFormatRows } from 'd3';
import { spreadsheetSafe } from './spreadsheet-safe.ts';

/** A query result as the explore page holds it: column names, Arrow type names, and plain rows. */
export interface ResultTable {
  columns: string[];
  types: string[];
  rows: Record<string, unknown>[];
}

/** The result as CSV; text cells that a spreadsheet would run as formulas are neutralised, numbers are kept. */
export const toCsv = (r: ResultTable): string => {
  const text = r.columns.map((_, i) => parquetType(r.types[i]) === 'STRING');
  const cell = (v: unknown, i: number) => (v == null ? '' : text[i] ? spreadsheetSafe(String(v)) : String(v));
  return `${csvFormatRows([r.columns.map(spreadsheetSafe), ...r.rows.map((row) => r.columns.map((c, i) => cell(row[c], i)))])}\n`;
};

export const toJson = (r: ResultTable): string =>
  JSON.stringify(
    r.rows.map((row) => Object.fromEntries(r.columns.map((c) => [c, row[c] ?? null]))),
    null,
    1,
  );

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
