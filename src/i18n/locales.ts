/**
 * The site's languages, declared once: routes and static paths, language alternates and switch,
 * number and date formats and link-preview tags are all derived from this. The first is served at
 * the root, each other under /<code>/. A language is this entry plus its messages (<code>.json).
 * No imports: the Astro config reads it too.
 */
export const LOCALE_SETTINGS = {
  vi: { name: 'Tiếng Việt', intl: 'vi-VN', openGraph: 'vi_VN', date: { day: '2-digit', month: '2-digit', year: 'numeric' } },
  en: { name: 'English', intl: 'en-GB', openGraph: 'en_US', date: { day: 'numeric', month: 'short', year: 'numeric' } },
} as const satisfies Record<string, { name: string; intl: string; openGraph: string; date: Intl.DateTimeFormatOptions }>;

export type Locale = keyof typeof LOCALE_SETTINGS;
export const LOCALES = Object.keys(LOCALE_SETTINGS) as Locale[];
export const DEFAULT_LOCALE: Locale = LOCALES[0];

/** The route parameter of a language: none for the default (served at the root). */
export const langParam = (locale: Locale): string | undefined => (locale === DEFAULT_LOCALE ? undefined : locale);

/** The language a route parameter names; the default where it names none. */
export const localeOf = (lang: string | undefined): Locale => LOCALES.find((l) => l === lang) ?? DEFAULT_LOCALE;

/** The languages a reader of `locale` may switch to. */
export const otherLocales = (locale: Locale): Locale[] => LOCALES.filter((l) => l !== locale);

/** A field of a data row in a language: `text_vi` / `text_en` for "text". */
export const localized = <K extends string, R extends Partial<Record<`${K}_${Locale}`, unknown>>>(
  row: R,
  field: K,
  locale: Locale,
): R[`${K}_${Locale}`] => row[`${field}_${locale}` as `${K}_${Locale}`];
