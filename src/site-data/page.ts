import { translator } from '../i18n/t.ts';
import { localeOf } from '../lib/routes.ts';
import { loadManifest } from './db.ts';

/** What every page starts from: its language, its strings, and the published dataset's manifest. */
export function pageContext(lang: string | undefined) {
  const locale = localeOf(lang);
  return { locale, t: translator(locale), manifest: loadManifest() };
}
