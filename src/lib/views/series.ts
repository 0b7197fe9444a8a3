import type { LineSeries } from '../charts/line-chart.ts';
import type { Standard } from '../manifest.ts';

export interface SeriesRow {
  year: number;
  standard: string;
  [column: string]: unknown;
}

/**
 * One line per poverty standard (never joined across standards), and a break marker where a
 * later standard starts.
 */
export function seriesByStandard(rows: SeriesRow[], column: string, standards: Standard[], breakLabel: (s: Standard) => string, label: (s: Standard) => string) {
  const series: LineSeries[] = standards
    .map((s) => ({
      id: s.id,
      label: label(s),
      points: rows.filter((r) => r.standard === s.id).map((r) => ({ x: r.year, y: (r[column] as number | null) ?? null })),
    }))
    .filter((s) => s.points.length > 0);
  const firstYear = Math.min(...rows.map((r) => r.year));
  const breaks = standards
    .filter((s) => Math.min(...s.years) > firstYear)
    .map((s) => ({ x: Math.min(...s.years), label: breakLabel(s) }));
  return { series, breaks };
}

/** The latest year of each standard, for headline figures. */
export function latestByStandard<T extends SeriesRow>(rows: T[]): T[] {
  const latest = new Map<string, T>();
  for (const r of rows) if ((latest.get(r.standard)?.year ?? -Infinity) < r.year) latest.set(r.standard, r);
  return [...latest.values()];
}
