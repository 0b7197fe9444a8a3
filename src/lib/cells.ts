import type { Locale } from '../i18n/t.ts';
import { t } from '../i18n/t.ts';
import { formatNumber, formatPercent, formatSigned } from './format.ts';
import { tooFewForRate } from './rate-bases.ts';

/** A rate's base column and the smallest base a rate is published for (see rate-bases.ts). */
export interface RateBase {
  base: string;
  min: number;
}

/** What to say for a value that is missing: too few for a rate where its base is published but small, else no data. */
export const missingText = (locale: Locale, row: Record<string, unknown>, rate?: RateBase): string =>
  rate && tooFewForRate(row[rate.base], rate.min) ? t(locale, 'rate.too_few', { min: rate.min }) : t(locale, 'no_data');

/** The text of a table cell: the formatted value, or why there is none. */
export function cellText(
  locale: Locale,
  row: Record<string, unknown>,
  column: string,
  kind: 'count' | 'percent' | 'change' = 'count',
  rate?: RateBase,
): string {
  const value = row[column] as number | null | undefined;
  if (value == null) return missingText(locale, row, rate);
  if (kind === 'percent') return formatPercent(locale, value)!;
  if (kind === 'change') return formatSigned(locale, value)!;
  return formatNumber(locale, value)!;
}
