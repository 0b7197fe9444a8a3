import type { Locale } from '../i18n/t.ts';

/** A site path for a locale: Vietnamese at the root, English under /en/, both under the base path. */
export function localePath(base: string, locale: Locale, path = ''): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const clean = path.replace(/^\/+/, '');
  return `${root}${locale === 'en' ? 'en/' : ''}${clean}`;
}

/** The same page in the other language. */
export function switchLocale(base: string, locale: Locale, path: string): string {
  return localePath(base, locale === 'vi' ? 'en' : 'vi', path);
}

/** Astro's static paths for a page that exists in both languages. */
export const localeStaticPaths = () => [{ params: { lang: undefined } }, { params: { lang: 'en' } }];

export const localeOf = (lang: string | undefined): Locale => (lang === 'en' ? 'en' : 'vi');

export const NAV = [
  ['', 'nav.overview'], ['map/', 'nav.map'], ['communes/', 'nav.communes'], ['targets/', 'nav.targets'],
  ['program-135/', 'nav.p135'], ['explore/', 'nav.explore'], ['downloads/', 'nav.downloads'], ['sources/', 'nav.sources'],
] as const;
