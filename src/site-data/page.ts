import { inLocale } from '../lib/manifest.ts';
import { t, translator } from '../i18n/t.ts';
import { localeOf } from '../lib/routes.ts';
import { loadManifest } from './db.ts';

/** What every page starts from: its language, its strings, and the published dataset's manifest. */
export function pageContext(lang: string | undefined) {
  const locale = localeOf(lang);
  return { locale, t: translator(locale), manifest: loadManifest(), province: provinceName(locale) };
}

/** The dataset's province in the reader's language. */
export const provinceName = (locale: 'vi' | 'en') => {
  const { province } = loadManifest().dataset;
  return locale === 'vi' ? province.name_vi : province.name_en;
};

/** The source line of a figure drawn from one published table: the table's source, dataset and version. */
export const datasetSource = (locale: 'vi' | 'en', table: string) => {
  const m = loadManifest();
  return t(locale, 'source.dataset', { source: inLocale(m.tables.find((x) => x.name === table)?.source, locale), id: m.dataset.id, version: m.dataset.version });
};
