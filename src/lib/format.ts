import { LOCALE_SETTINGS, type Locale } from '../i18n/locales.ts';

const TAG = (locale: Locale) => LOCALE_SETTINGS[locale].intl;

/**
 * Building an Intl formatter costs about a thousand times what using one does, and a build formats
 * millions of numbers: each is made once for the same arguments (locale and setting).
 */
function madeOnce<A extends (string | number)[], F>(make: (...args: A) => F): (...args: A) => F {
  const made = new Map<string, F>();
  return (...args) => {
    const key = args.join('|');
    let f = made.get(key);
    if (!f) {
      f = make(...args);
      made.set(key, f);
    }
    return f;
  };
}
const numberFormat = madeOnce(
  (locale: Locale, digits: number) => new Intl.NumberFormat(TAG(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits }),
);
const dateFormat = madeOnce((locale: Locale) => new Intl.DateTimeFormat(TAG(locale), { ...LOCALE_SETTINGS[locale].date, timeZone: 'UTC' }));

/** 1.234 in Vietnamese, 1,234 in English; null stays null so callers can say why it is missing. */
export function formatNumber(locale: Locale, value: number | null | undefined, digits = 0): string | null {
  if (value == null || Number.isNaN(value)) return null;
  return numberFormat(locale, digits).format(value);
}

/** A rate given in percent (0.067 → "0,067%"), with enough decimals for very small rates. */
export function formatPercent(locale: Locale, value: number | null | undefined, digits?: number): string | null {
  if (value == null || Number.isNaN(value)) return null;
  const d = digits ?? (Math.abs(value) > 0 && Math.abs(value) < 1 ? 3 : value === 0 ? 0 : 1);
  return `${formatNumber(locale, value, d)}%`;
}

export function formatSigned(locale: Locale, value: number | null | undefined, digits = 0): string | null {
  const text = formatNumber(locale, value == null ? value : Math.abs(value), digits);
  if (text == null || value == null) return null;
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** 24/11/2021 in Vietnamese, 24 Nov 2021 in English, from an ISO date. */
export function formatDate(locale: Locale, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return dateFormat(locale).format(date);
}

export function formatBytes(locale: Locale, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(locale, bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(locale, bytes / 1024, 1)} KB`;
  return `${formatNumber(locale, bytes / 1024 / 1024, 1)} MB`;
}

/** A phrase made to start a line or a cell on its own ("thẻ BHYT" → "Thẻ BHYT"): its first letter in capitals. */
export const capitalized = (locale: Locale, phrase: string): string => phrase.charAt(0).toLocaleUpperCase(locale) + phrase.slice(1);

/**
 * A label made to stand on its own ("Tỷ lệ hộ nghèo"), put in the middle of a sentence: its first
 * letter in lower case, unless the label starts with an abbreviation ("BHYT …").
 */
export const uncapitalized = (locale: Locale, label: string): string =>
  /^\p{Lu}\p{Lu}/u.test(label) ? label : label.charAt(0).toLocaleLowerCase(locale) + label.slice(1);

/** The years a series covers, as a title says them: "2021–2025", or "2023" for one year. */
export const yearSpan = (years: readonly number[]): string => {
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return first === last ? String(first) : `${first}–${last}`;
};
