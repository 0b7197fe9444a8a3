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

/**
 * What a terminal would act on or hide, in a value or in a message that quotes one: controls
 * (C1's U+009B starts an escape sequence on some terminals; JSON leaves C1 as it is), bidi
 * controls (they reorder the line) and invisible format characters. Written as \uXXXX.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
const visible = (text: string) => text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function formatIssue(i: Issue): string {
  const where = [i.file, i.row ? `row ${i.row}` : '', i.column ? `column ${i.column}` : ''].filter(Boolean).join(', ');
  // A 5.000-character value would bury the message: show its start and its length.
  const shown = [...i.value].length > 80 ? `${[...i.value].slice(0, 60).join('')}…" (${[...i.value].length} characters)` : `${i.value}"`;
  const value = i.value === '' ? '' : ` value "${JSON.stringify(shown).slice(1, -1).replaceAll('\\"', '"')}:`;
  return visible(`${i.severity.toUpperCase()} ${where}:${value} ${i.message} [${i.rule}]`);
}

export const hasErrors = (issues: Issue[]) => issues.some((i) => i.severity === 'error');
