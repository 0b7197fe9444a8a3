export type TargetStatus = 'met' | 'not_met' | 'on_track' | 'behind' | 'no_data';

export interface TargetSpec {
  comparator: string;
  value: number;
  year: number;
}

const meets = (t: TargetSpec, actual: number) => (t.comparator === '<=' ? actual <= t.value : actual >= t.value);

/**
 * Where a target stands: met or not met once its year has data (a year that is over is never
 * "behind"); before its year, on track when the latest result already meets it and behind
 * otherwise; no data when nothing measures it.
 */
export function targetStatus(
  t: TargetSpec,
  actuals: { year: number; actual: number | null }[],
): { status: TargetStatus; actual: number | null; year: number | null } {
  const known = actuals.filter((a) => a.actual != null).sort((a, b) => a.year - b.year);
  const atYear = known.find((a) => a.year === t.year);
  if (atYear) return { status: meets(t, atYear.actual!) ? 'met' : 'not_met', actual: atYear.actual, year: atYear.year };
  const latest = known.filter((a) => a.year < t.year).at(-1);
  if (latest) return { status: meets(t, latest.actual!) ? 'on_track' : 'behind', actual: latest.actual, year: latest.year };
  return { status: 'no_data', actual: null, year: null };
}
