export type TargetStatus = 'met' | 'not_met' | 'on_track' | 'behind' | 'no_data' | 'not_measured';

/** One year of a target's results as the pipeline publishes it (target_progress): whether that year's result meets the target is decided there, once. */
export interface YearResult {
  year: number;
  actual: number | null;
  status: 'met' | 'not_met' | 'no_data';
}

/**
 * Where a target stands, read from its published years: at its own year, that year's verdict (met
 * or not met; a year that is over is never "behind"); before it, the latest year's verdict as on
 * track or behind; no data when no year measures it.
 */
export function targetStatus(
  targetYear: number,
  years: YearResult[],
): { status: TargetStatus; actual: number | null; year: number | null } {
  const known = years.filter((y) => y.actual != null && y.status !== 'no_data').sort((a, b) => a.year - b.year);
  const atYear = known.find((y) => y.year === targetYear);
  if (atYear) return { status: atYear.status, actual: atYear.actual, year: atYear.year };
  const latest = known.filter((y) => y.year < targetYear).at(-1);
  if (latest) return { status: latest.status === 'met' ? 'on_track' : 'behind', actual: latest.actual, year: latest.year };
  return { status: 'no_data', actual: null, year: null };
}
