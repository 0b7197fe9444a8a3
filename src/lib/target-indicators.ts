/**
 * What the atlas can measure a plan target by: the coverage programmes and the indicators
 * publish.sql computes for target_progress, each with the unit of its result. The dataset format
 * (src/pipeline/input-schema.ts) and the site's target pages both read it.
 */
import { stripDiacritics } from './names.ts';

export const COVERAGE_PROGRAMMES = ['credit', 'bhyt', 'tuition', 'officials_trained'] as const;
/** The unit a target's result is in, as published (each has a label in both languages: unitlabel.* in src/i18n). */
export type TargetUnit = '%' | 'households' | 'percentage points' | 'villages';

/**
 * What a plan target can measure, and the unit of its result: the results publish.sql computes for
 * target_progress, each named on the site.
 */
export const TARGET_UNIT_OF: Readonly<Record<string, TargetUnit>> = {
  ...Object.fromEntries(COVERAGE_PROGRAMMES.map((p) => [`coverage_${p}`, '%'])),
  poor_reduction: 'households',
  near_poor_reduction: 'households',
  poor_rate_reduction: 'percentage points',
  near_poor_rate_reduction: 'percentage points',
  poor_rate: '%',
  near_poor_rate: '%',
  poor: 'households',
  near_poor: 'households',
  villages_exited: 'villages',
};

/**
 * Whether the atlas can judge a target from the dataset: its indicator is one it measures, at the
 * target's scope (villages are counted for the province as a whole, not by district or commune).
 */
export const isMeasured = (target: { indicator: string; scope: string }): boolean =>
  target.indicator in TARGET_UNIT_OF && (target.indicator !== 'villages_exited' || target.scope === 'province');

/**
 * How a unit starts in targets.csv, in either language, diacritics and spaces dropped: "hộ nghèo"
 * is households, "điểm %" percentage points, "%/năm" a percentage, "thôn, bản" (or an ấp, buôn,
 * làng or sóc, as villages are called across the country) villages. Points come first: "percentage
 * points" starts as "percent" does.
 */
const TARGET_UNIT_STARTS: readonly [TargetUnit, readonly string[]][] = [
  ['percentage points', ['diem', 'percentagepoint', 'pp']],
  ['%', ['%', 'phantram', 'percent']],
  ['households', ['ho', 'household']],
  ['villages', ['thon', 'ban', 'ap', 'buon', 'lang', 'soc', 'village']],
];

/** The unit a target's `unit` cell names, or null for one the atlas does not know ("người"). */
export function targetUnitWritten(text: string): TargetUnit | null {
  const folded = stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z%]/g, '');
  return TARGET_UNIT_STARTS.find(([, starts]) => starts.some((w) => folded.startsWith(w)))?.[0] ?? null;
}
