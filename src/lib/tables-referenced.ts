/**
 * The tables a query names, among those the site offers: what must be loaded before it runs.
 * Comments and quoted strings are ignored; a name that merely appears elsewhere loads a table for
 * nothing, which is harmless. A query naming none of them (SHOW TABLES, information_schema) may
 * look at any, so it gets them all.
 */
export function tablesReferenced(sql: string, names: readonly string[]): string[] {
  const code = sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ')
    .replace(/'(?:[^']|'')*'?/g, "''");
  const words = new Set(code.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []);
  const named = names.filter((n) => words.has(n.toLowerCase()));
  return named.length > 0 ? named : [...names];
}
