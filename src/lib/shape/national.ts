import type { LineSeries } from '../charts/line-chart.ts';
import type { Columns } from '../published-tables.ts';

export type GsoRow = Columns<
  'gso_province_poverty_rates',
  'area_name_en' | 'area_level' | 'year' | 'value_pct' | 'preliminary' | 'rank' | 'provinces_ranked'
>;

/** The dataset's province, its region and the country in one year, and their lines over all years. */
export function nationalComparison(rows: GsoRow[], year: number, labels: Record<GsoRow['area_level'], string>) {
  const at = (level: GsoRow['area_level']) => rows.find((r) => r.area_level === level && r.year === year) ?? null;
  const series: LineSeries[] = (['province', 'region', 'country'] as const)
    .map((level) => ({
      id: level,
      label: labels[level],
      points: rows.filter((r) => r.area_level === level).map((r) => ({ x: r.year, y: r.value_pct })),
    }))
    .filter((s) => s.points.some((p) => p.y != null));
  return { province: at('province'), region: at('region'), country: at('country'), series };
}
