import { t, type Locale } from '../i18n/t.ts';
import { formatDate } from './format.ts';
import type { Manifest } from './manifest.ts';

const edition = (m: Manifest, locale: Locale) =>
  t(locale, 'citation.edition', { version: m.dataset.version, date: formatDate(locale, m.dataset.released) });

/** A ready citation for the dataset, with its version and release date. */
export function citation(m: Manifest, locale: Locale, siteUrl: string): string {
  return `Poverty Atlas (${m.dataset.released.slice(0, 4)}). ${m.dataset.title[locale]}. ${edition(m, locale)}. ${siteUrl}`;
}

/** A citation for one figure, to be followed by its address: the dataset citation with the figure's title. */
export function figureCitation(m: Manifest, locale: Locale, title: string): string {
  return `Poverty Atlas (${m.dataset.released.slice(0, 4)}). “${title}”. ${m.dataset.title[locale]}, ${edition(m, locale)}.`;
}
