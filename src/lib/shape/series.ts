import type { LineSeries } from '../charts/line-chart.ts';
import type { Standard } from '../manifest.ts';

export interface SeriesRow {
  year: number;
  standard: string;
  [column: string]: unknown;
}

/**
 * One line per poverty standard (never joined across standards), and a break marker where a
 * later standard starts, saying whether it replaces one that ended the year before (2021–2025's
 * after 2016–2020's) or is added beside one that goes on (a province's own standard).
 */
export function seriesByStandard(
  rows: SeriesRow[],
  column: string,
  standards: Standard[],
  breakLabel: (s: Standard, replaces: boolean) => string,
  label: (s: Standard) => string,
) {
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
    .map((s) => {
      const from = Math.min(...s.years);
      return {
        x: from,
        label: breakLabel(
          s,
          standards.some((o) => Math.max(...o.years) === from - 1),
        ),
      };
    });
  return { series, breaks };
}

/**
 * Where a standard's count has been zero for its last years: since when, and the last year it was
 * not (so a headline can say "none since 2023; 258 in 2022" rather than a bare 0). Null otherwise.
 */
export function zeroSince<T extends SeriesRow>(
  rows: T[],
  standard: string,
  column: string,
): { since: number; before: { year: number; value: number } | null } | null {
  const years = rows.filter((r) => r.standard === standard).sort((a, b) => a.year - b.year);
  if (years.length === 0 || years.at(-1)![column] !== 0) return null;
  let i = years.length - 1;
  while (i > 0 && years[i - 1][column] === 0) i -= 1;
  const before =
    i > 0 && typeof years[i - 1][column] === 'number' ? { year: years[i - 1].year, value: years[i - 1][column] as number } : null;
  return { since: years[i].year, before };
}

/**
 * The latest year of each standard still in force in the last year of the rows, for headline
 * figures. A standard replaced before then (2016–2020's, by 2021–2025's) is history: the trend
 * shows it, a headline "latest figures" card of 2020 would not be. A standard in force whose
 * figures lag keeps its latest year.
 */
export function latestByStandard<T extends SeriesRow>(rows: T[], standards: Pick<Standard, 'id' | 'years'>[]): T[] {
  const end = Math.max(...rows.map((r) => r.year));
  const inForce = new Set(standards.filter((s) => Math.max(...s.years) >= end).map((s) => s.id));
  const latest = new Map<string, T>();
  for (const r of rows) if (inForce.has(r.standard) && (latest.get(r.standard)?.year ?? -Infinity) < r.year) latest.set(r.standard, r);
  return [...latest.values()];
}
