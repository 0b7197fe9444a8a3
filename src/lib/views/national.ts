import type { LineSeries } from '../charts/line-chart.ts';

export interface GsoRow {
  area_name_en: string;
  area_level: 'country' | 'region' | 'province';
  year: number;
  value_pct: number | null;
  preliminary: boolean;
  rank: number | null;
  provinces_ranked: number | null;
}

/** The dataset's province, its region and the country in one year, and their lines over all years. */
export function nationalView(rows: GsoRow[], year: number, labels: Record<GsoRow['area_level'], string>) {
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
