import { DEFAULT_LOCALE, LOCALES, langParam, type Locale } from '../i18n/locales.ts';
import type { MessageKey } from '../i18n/t.ts';

export { localeOf } from '../i18n/locales.ts';

/** The base path with its trailing slash, whichever way it was configured. */
export const siteRoot = (base: string) => (base.endsWith('/') ? base : `${base}/`);

/** A site path for a locale: Vietnamese at the root, English under /en/, both under the base path. */
export function localePath(base: string, locale: Locale, path = ''): string {
  const clean = path.replace(/^\/+/, '');
  return `${siteRoot(base)}${locale === DEFAULT_LOCALE ? '' : `${locale}/`}${clean}`;
}

/** The page of a district or commune, without base or language: "districts/193/". */
export const unitPage = (level: 'district' | 'commune', code: string) => `${level}s/${code}/`;

/**
 * The one-page report of a year's targets, without base or language: the latest year's at
 * "targets/report/", an earlier year's at "targets/report/2023/".
 */
export const targetReportPage = (year: number, latest: number) => (year === latest ? 'targets/report/' : `targets/report/${year}/`);

/** Astro's static paths for a page that exists in every language. */
export const localeStaticPaths = () => LOCALES.map((locale) => ({ params: { lang: langParam(locale) } }));

/** Static paths for every language times every item: `lang` plus the item's own params and props. */
export const perLocale = <T extends { params: Record<string, string | undefined>; props?: unknown }>(items: readonly T[]) =>
  LOCALES.flatMap((locale) => items.map((item) => ({ ...item, params: { lang: langParam(locale), ...item.params } })));

/** The site's sections; a section whose table the dataset lacks is left out (no dead links). */
export const NAV: readonly (readonly [path: string, key: MessageKey, table?: string])[] = [
  ['', 'nav.overview'],
  ['map/', 'nav.map'],
  ['communes/', 'nav.communes'],
  ['deprivation/', 'nav.deprivation', 'deprivation'],
  ['targets/', 'nav.targets', 'targets'],
  ['program-135/', 'nav.p135', 'villages'],
  ['national/', 'nav.national', 'gso_province_poverty_rates'],
  ['explore/', 'nav.explore'],
  ['downloads/', 'nav.downloads'],
  ['sources/', 'nav.sources'],
];

export const navFor = (rowsOf: (table: string) => number) => NAV.filter(([, , table]) => !table || rowsOf(table) > 0);
