/**
 * CSV for spreadsheets (OWASP "CSV injection"): a text cell that starts with =, +, -, @, tab or
 * carriage return is read by Excel and LibreOffice as a formula. Such text gets a leading
 * apostrophe, which spreadsheets show as text; numbers are never touched.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export const spreadsheetSafe = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** The same rule as a DuckDB expression over a text column, for files DuckDB writes itself. */
export const spreadsheetSafeSql = (column: string): string => {
  const c = `"${column.replaceAll('"', '""')}"`;
  return `CASE WHEN regexp_matches(${c}, '^[=+\\-@\\t\\r]') THEN '''' || ${c} ELSE ${c} END AS ${c}`;
};
