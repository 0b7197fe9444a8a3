import type { LineSeries } from './charts/line-chart.ts';
import type { ResultTable } from './result-export.ts';

const NUMERIC = /^(U?Int|Float|Decimal)/;

/**
 * A line chart for a result that has a year column and a number to follow over the years,
 * one line per value of its first text column (at most 8). Null when the result does not fit one.
 */
export function quickChartSeries(r: ResultTable): { series: LineSeries[]; measure: string } | null {
  const year = r.columns.indexOf('year');
  if (year < 0 || r.rows.length === 0 || r.rows.length > 400) return null;
  const measure = r.columns.find((_, i) => i !== year && NUMERIC.test(r.types[i]));
  if (!measure) return null;
  const groupBy = r.columns.find((_, i) => r.types[i] === 'Utf8');
  const groups = [...new Set(r.rows.map((row) => (groupBy ? String(row[groupBy]) : measure)))];
  if (groups.length > 8) return null;
  const series = groups.map((g) => ({
    id: g,
    label: g,
    points: r.rows
      .filter((row) => !groupBy || String(row[groupBy]) === g)
      .map((row) => ({ x: Number(row.year), y: row[measure] == null ? null : Number(row[measure]) }))
      .sort((a, b) => a.x - b.x),
  }));
  return { series, measure };
}
