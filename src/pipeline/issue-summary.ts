import { formatIssue, type Issue } from './issues.ts';

/** How many rows of one kind of problem are printed before the rest are counted. */
export const SHOWN_PER_KIND = 5;

/**
 * The issues as lines for a terminal: every kind of problem (file, column, rule) shown on its
 * first rows, then one line that counts the rest and names the rows they are on.
 */
export function summariseIssues(issues: Issue[], all = false): string[] {
  if (all) return issues.map(formatIssue);
  const kinds = new Map<string, Issue[]>();
  for (const i of issues) {
    const key = [i.severity, i.file, i.column, i.rule].join('\u0000');
    kinds.set(key, [...(kinds.get(key) ?? []), i]);
  }
  return [...kinds.values()].flatMap((same) => {
    const shown = same.slice(0, SHOWN_PER_KIND).map(formatIssue);
    const rest = same.slice(SHOWN_PER_KIND);
    if (rest.length === 0) return shown;
    const rows = rest.map((i) => i.row).filter((r) => r > 0);
    const where = rows.length ? ` (rows ${Math.min(...rows)}–${Math.max(...rows)})` : '';
    const { severity, file, column, rule } = same[0];
    return [
      ...shown,
      `${severity.toUpperCase()} ${file}${column ? `, column ${column}` : ''}: ${rest.length} more row(s)${where} break the same rule [${rule}]; run with --all-issues to list them all`,
    ];
  });
}
