import { localized, type Locale } from '../i18n/locales.ts';
import { inLocale, standardLabel } from '../lib/manifest.ts';
import { labelOf, t, translator } from '../i18n/t.ts';
import { formatDate } from '../lib/format.ts';
import { localeOf, localeStaticPaths } from '../lib/routes.ts';
import { loadManifest, query } from './db.ts';
import { once } from './memo.ts';
import { latestReorganisation } from '../lib/queries.ts';
import type { PublishedTableName } from '../lib/published-tables.ts';
import type { RateBase } from '../lib/cells.ts';
import { rateBaseOf } from '../lib/rate-bases.ts';
import { provincePlace } from '../lib/place.ts';

/** What every page starts from: its language, its strings, and the published dataset's manifest. */
export function pageContext(lang: string | undefined) {
  const locale = localeOf(lang);
  return { locale, t: translator(locale), manifest: loadManifest(), ...provinceWords(locale) };
}

/** The dataset's province in the reader's language. */
export const provinceName = (locale: 'vi' | 'en') => {
  const { province } = loadManifest().dataset;
  return localized(province, 'name', locale);
};

/**
 * The words messages use for the dataset's province: its name, its kind ("tỉnh", "thành phố";
 * "province", "city") and the two as a place ("tỉnh Quảng Ninh", "thành phố Hà Nội"; "Quảng Ninh").
 */
export const provinceWords = (locale: 'vi' | 'en') => {
  const { province } = loadManifest().dataset;
  return { province: provinceName(locale), kind: t(locale, `province.kind.${province.kind}`), place: provincePlace(locale, province) };
};

/**
 * A standard as a label or a sentence names it briefly: the dataset's own short name, else the
 * atlas's for a standard it knows ("chuẩn quốc gia"), else its full name; never its id.
 */
export const standardShort = (locale: Locale, id: string): string => {
  const s = loadManifest().dataset.standards.find((st) => st.id === id);
  const known = labelOf(locale, 'standard.short', id);
  if (s && (s[`short_name_${locale}`] != null || known === id)) return standardLabel(s, locale);
  return known;
};

/** The source line of a figure drawn from one published table: the table's source, dataset and version. */
export const datasetSource = (locale: Locale, table: PublishedTableName) => {
  const m = loadManifest();
  const rounded = m.disclosure.tables.includes(table)
    ? ` ${t(locale, table === 'coverage' ? 'source.rounded.coverage' : 'source.rounded', { k: m.disclosure.base, k1: m.disclosure.base - 1 })}`
    : '';
  return (
    t(locale, 'source.dataset', {
      source: inLocale(m.tables.find((x) => x.name === table)?.source, locale),
      id: m.dataset.id,
      version: m.dataset.version,
    }) + rounded
  );
};

/** The base a rate of `table` is a share of, with the smallest base a rate is published for; undefined for a column that is not a rate. */
export const rateBase = (table: string, column: string): RateBase | undefined => {
  const base = rateBaseOf(table, column);
  return base ? { base, min: loadManifest().disclosure.min_rate_base } : undefined;
};

/** The plan the targets come from, as pages name it ("Kế hoạch 228/KH-UBND"), or a plain phrase when the dataset names none. */
export const planName = (locale: 'vi' | 'en') =>
  inLocale(loadManifest().dataset.plan?.name, locale) || t(locale, 'plan.unnamed', provinceWords(locale));

/** " ngày 24/11/2021" / " of 24/11/2021" when the plan's date is known. */
export const planDate = (locale: 'vi' | 'en') => {
  const date = loadManifest().dataset.plan?.date;
  return date ? t(locale, 'plan.dated', { date: formatDate(locale, date) }) : '';
};

/** Pages that show one table exist only when the dataset has rows in it (no empty page, no dead link). */
export const pathsWhenRows = (table: PublishedTableName) => () =>
  (loadManifest().tables.find((x) => x.name === table)?.rows ?? 0) > 0 ? localeStaticPaths() : [];

/** The reorganisation the crosswalk leads to: when it took effect, or null without one. */
export const reorganisation = () =>
  once('reorganisation', async () => {
    const [r] = await query(latestReorganisation());
    return r?.date ? { date: r.date } : null;
  });
