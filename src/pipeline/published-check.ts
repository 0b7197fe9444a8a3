import { declaredColumns, type PublishedTableName } from '../lib/published-tables.ts';

/**
 * Fails when a table is not what src/lib/published-tables.ts declares (its columns, their order and
 * types, an empty value where none may be, a value outside its set), since the site's row types and the dictionary are made from
 * that declaration: every difference is named at once.
 */
export function checkDeclared(table: PublishedTableName, names: string[], types: string[], columns: unknown[][]) {
  const declared = declaredColumns(table);
  const problems: string[] = [];
  const written = names.map((n, i) => `${n} ${types[i]}`).join(', ');
  const expected = declared.map((c) => `${c.name} ${c.type}`).join(', ');
  if (written !== expected) problems.push(`columns are [${written}], declared [${expected}]`);
  declared.forEach((c, i) => {
    if (names[i] !== c.name) return;
    const values = columns[i] ?? [];
    const empty = c.nullable ? 0 : values.filter((v) => v == null).length;
    if (empty) problems.push(`${c.name} is empty in ${empty} row(s) but declared never empty`);
    const other = c.values ? [...new Set(values.filter((v) => v != null && !c.values.includes(String(v))))] : [];
    if (other.length) problems.push(`${c.name} holds ${other.slice(0, 5).join(', ')}, not one of ${c.values!.join(', ')}`);
  });
  if (problems.length) throw new Error(`Published table ${table}: ${problems.join('; ')}`);
}
