import type { Locale } from '../i18n/t.ts';
import { t } from '../i18n/t.ts';
import { formatNumber, formatPercent, formatSigned } from './format.ts';

/** The text of a table cell: the formatted value, or "no data" where there is none. */
export function cellText(
  locale: Locale,
  row: Record<string, unknown>,
  column: string,
  kind: 'count' | 'percent' | 'change' = 'count',
): string {
  const value = row[column] as number | null | undefined;
  if (value == null) return t(locale, 'no_data');
  if (kind === 'percent') return formatPercent(locale, value)!;
  if (kind === 'change') return formatSigned(locale, value)!;
  return formatNumber(locale, value)!;
}
