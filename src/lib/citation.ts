import type { Locale } from '../i18n/t.ts';
import { formatDate } from './format.ts';
import type { Manifest } from './manifest.ts';

/** A ready citation for the dataset, with its version and release date. */
export function citation(m: Manifest, locale: Locale, siteUrl: string): string {
  const d = m.dataset;
  const version = locale === 'vi' ? `phiên bản ${d.version}` : `version ${d.version}`;
  return `Poverty Atlas (${d.released.slice(0, 4)}). ${d.title[locale]}. ${version}, ${formatDate(locale, d.released)}. ${siteUrl}`;
}

/** A citation for one figure: the dataset citation with the figure's title and address. */
export function figureCitation(m: Manifest, locale: Locale, title: string, url: string): string {
  const d = m.dataset;
  const version = locale === 'vi' ? `phiên bản ${d.version}` : `version ${d.version}`;
  return `Poverty Atlas (${d.released.slice(0, 4)}). “${title}”. ${d.title[locale]}, ${version}, ${formatDate(locale, d.released)}. ${url}`;
}
