import { escapeUnsafe } from './unsafe-characters.ts';

/** A problem found in a dataset folder, located precisely enough that an official can fix it. */
export interface Issue {
  severity: 'error' | 'warning';
  file: string;
  /** 1-based line in the file (the header is line 1); 0 when the problem is with the file as a whole. */
  row: number;
  column: string;
  value: string;
  rule: string;
  message: string;
}

export const issue = (
  severity: Issue['severity'],
  file: string,
  row: number,
  column: string,
  value: unknown,
  rule: string,
  message: string,
): Issue => ({ severity, file, row, column, value: value == null ? '' : String(value), rule, message });

/** A problem with a file (or the folder) as a whole, not with one of its cells. */
export const fileIssue = (severity: Issue['severity'], file: string, rule: string, message: string): Issue =>
  issue(severity, file, 0, '', '', rule, message);

export function formatIssue(i: Issue): string {
  const where = [i.file, i.row ? `row ${i.row}` : '', i.column ? `column ${i.column}` : ''].filter(Boolean).join(', ');
  // A 5.000-character value would bury the message: show its start and its length.
  const shown = [...i.value].length > 80 ? `${[...i.value].slice(0, 60).join('')}…" (${[...i.value].length} characters)` : `${i.value}"`;
  const value = i.value === '' ? '' : ` value "${JSON.stringify(shown).slice(1, -1).replaceAll('\\"', '"')}:`;
  return escapeUnsafe(`${i.severity.toUpperCase()} ${where}:${value} ${i.message} [${i.rule}]`);
}

export const hasErrors = (issues: Issue[]) => issues.some((i) => i.severity === 'error');
