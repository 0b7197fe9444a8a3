import { t, type Locale } from '../i18n/t.ts';
import { formatDate } from './format.ts';
import type { Manifest } from './manifest.ts';

const edition = (m: Manifest, locale: Locale) =>
  t(locale, 'citation.edition', { version: m.dataset.version, date: formatDate(locale, m.dataset.released) });

/** Who is cited, and when: the site by its name in the reader's language. */
const author = (m: Manifest, locale: Locale) => `${t(locale, 'site.name')} (${m.dataset.released.slice(0, 4)})`;

/** A ready citation for the dataset, with its version and release date. */
export function citation(m: Manifest, locale: Locale, siteUrl: string): string {
  return `${author(m, locale)}. ${m.dataset.title[locale]}. ${edition(m, locale)}. ${siteUrl}`;
}

/** A citation for one figure, to be followed by its address: the dataset citation with the figure's title. */
export function figureCitation(m: Manifest, locale: Locale, title: string): string {
  return `${author(m, locale)}. “${title}”. ${m.dataset.title[locale]}, ${edition(m, locale)}.`;
}
