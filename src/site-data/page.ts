import { translator } from '../i18n/t.ts';
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
