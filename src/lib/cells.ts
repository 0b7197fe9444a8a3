import type { Locale } from '../i18n/t.ts';
import { t } from '../i18n/t.ts';
import { formatNumber, formatPercent, formatSigned } from './format.ts';

/** Whether a column of a published row was withheld by disclosure control. */
export const isWithheld = (row: { suppressed?: string | null }, column: string) => (row.suppressed ?? '').split(',').includes(column);

/** The counts a published rate or share is computed from: a withheld count explains why the value is missing. */
const COMPUTED_FROM: Record<string, string[]> = {
  poor_rate: ['poor', 'households'],
  share_deprived: ['households_deprived', 'poor_near_poor'],
};

/** A column and the counts it is computed from. */
export const withInputs = (column: string) => [column, ...(COMPUTED_FROM[column] ?? [])];

/** Why a value is missing: "withheld" where disclosure control hid it or a count it is computed from, else "no data". */
export const missingText = (locale: Locale, row: { suppressed?: string | null }, dependsOn: string[]) =>
  dependsOn.some((c) => isWithheld(row, c)) ? t(locale, 'suppressed') : t(locale, 'no_data');

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
  if (value == null) return missingText(locale, row, dependsOn);
  if (kind === 'percent') return formatPercent(locale, value)!;
  if (kind === 'change') return formatSigned(locale, value)!;
  return formatNumber(locale, value)!;
}
