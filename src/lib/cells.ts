import type { Locale } from '../i18n/t.ts';
import { t } from '../i18n/t.ts';
import { formatNumber, formatPercent, formatSigned } from './format.ts';

/** Whether a column of a published row was withheld by disclosure control. */
export const isWithheld = (row: { suppressed?: string | null }, column: string) => (row.suppressed ?? '').split(',').includes(column);

/**
 * The text of a table cell: the formatted value, "withheld" where disclosure control hid it
 * (or hid a count it is computed from), and "no data" otherwise.
 */
export function cellText(
  locale: Locale,
  row: Record<string, unknown> & { suppressed?: string | null },
  column: string,
  kind: 'count' | 'percent' | 'change' = 'count',
  dependsOn: string[] = [column],
): string {
  const value = row[column] as number | null | undefined;
  if (value == null) return dependsOn.some((c) => isWithheld(row, c)) ? t(locale, 'suppressed') : t(locale, 'no_data');
  if (kind === 'percent') return formatPercent(locale, value)!;
  if (kind === 'change') return formatSigned(locale, value)!;
  return formatNumber(locale, value)!;
}
