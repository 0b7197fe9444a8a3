/**
 * CSV for spreadsheets (OWASP "CSV injection"): a text cell that starts with =, +, -, @, tab or
 * carriage return is read by Excel and LibreOffice as a formula. Such text gets a leading
 * apostrophe, which spreadsheets show as text; numbers are never touched.
 */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];

export const spreadsheetSafe = (text: string): string => (FORMULA_STARTS.includes(text.charAt(0)) ? `'${text}` : text);

/**
 * The same rule as a DuckDB expression over a text column, for files DuckDB writes itself: the
 * first character's code point looked up in a list (a regular expression a cell took a third
 * longer for the national tables' CSV; `IN (…)` is planned as a join, which loses the rows' order).
 */
export const spreadsheetSafeSql = (column: string): string => {
  const c = `"${column.replaceAll('"', '""')}"`;
  const codes = FORMULA_STARTS.map((s) => s.codePointAt(0)).join(', ');
  return `CASE WHEN list_contains([${codes}], unicode(${c})) THEN '''' || ${c} ELSE ${c} END AS ${c}`;
};
