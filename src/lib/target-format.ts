import { localized } from '../i18n/locales.ts';
import { labelOf, t, type Locale } from '../i18n/t.ts';
import { formatNumber } from './format.ts';
import { foldName } from './names.ts';

/** A target's value or result with its unit ("400 hộ", "100%", "0,11 điểm %"), or "no data". */
export function formatTargetValue(locale: Locale, value: number | null, unit: string): string {
  if (value == null) return t(locale, 'no_data');
  // A result below zero (more poor households, not fewer) with a minus sign, as the site's changes are written.
  const number = formatNumber(locale, value, Number.isInteger(value) ? 0 : 2)!.replace('-', '−');
  // "%" is a unit in both languages and folds to nothing: it is written against the number, as the
  // plan writes "100%" (and CLDR's Vietnamese pattern #,##0%). Nor does a "%" in a unit start a
  // line of its own: "điểm %" is never "điểm" and, under it, a lone "%".
  if (unit.trim() === '%') return `${number}%`;
  return `${number} ${labelOf(locale, 'unitlabel', foldName(unit)).replaceAll(' %', '\u00a0%')}`;
}

/**
 * A target's goal as the cards, tables and charts write it: "≤ 3%" for one to stay at or under,
 * whose number alone would read as a level to reach; a goal to reach is its number.
 */
export const formatTargetGoal = (locale: Locale, target: { value: number; unit: string; comparator: string }): string =>
  `${target.comparator === '<=' ? '≤\u00a0' : ''}${formatTargetValue(locale, target.value, target.unit)}`;

/**
 * What a target is called: what it measures ("Households that left poverty during the year"), or,
 * for a target the atlas does not measure, the plan's own words for it.
 */
export const targetTitle = (locale: Locale, target: { indicator: string; measured: boolean; text_vi: string; text_en: string }): string =>
  target.measured ? labelOf(locale, 'target.measures', target.indicator) : localized(target, 'text', locale);

/** A target's goal, or a dash for one the atlas does not measure (its goal is in its words, in each language; its unit is the plan's). */
export const targetGoal = (locale: Locale, target: { value: number; unit: string; comparator: string; measured: boolean }): string =>
  target.measured ? formatTargetGoal(locale, target) : '–';

/** A target's result where it stands, "no data" where no year measures it, or a dash for one the atlas does not measure. */
export const targetResult = (locale: Locale, target: { unit: string; measured: boolean; status: { actual: number | null } }): string =>
  target.measured ? formatTargetValue(locale, target.status.actual, target.unit) : '–';

interface TargetSource {
  source_document: string;
  source_document_en?: string | null;
  source_section: string;
}

/** The document a target comes from, in the reader's language: as issued, or its English title on English pages where the dataset gives one. */
export const targetDocument = (locale: Locale, target: TargetSource): string =>
  (locale === 'en' && target.source_document_en) || target.source_document;

/** Where a target is set, as a source line says it: "Target: Plan 228/KH-UBND of 24 November 2021, section I.2". */
export const targetSetBy = (locale: Locale, target: TargetSource): string =>
  t(locale, 'targets.source.plan', { document: targetDocument(locale, target), section: target.source_section });

/**
 * What a target for every district or every commune shows as its result: the unit furthest from
 * it, named with the year. Empty for a target of the province's own figure.
 */
export function targetScopeNote(
  locale: Locale,
  target: { scope: string; decidedBy: string | null; status: { year: number | null } },
): string {
  if (target.scope !== 'district' && target.scope !== 'commune') return '';
  const note = t(locale, `targets.scope.${target.scope}`);
  return target.decidedBy && target.status.year ? `${note} (${target.decidedBy}, ${target.status.year})` : note;
}
