import { lineChart } from './charts/line-chart.ts';
import { drawnTwice } from './charts/svg.ts';
import { quickChartSeries } from './quick-chart.ts';
import type { ResultTable } from './result-export.ts';

/**
 * The quick chart of a query result as HTML: drawn wide and for a phone, as every figure is, so
 * that its text stays 12 px on a narrow screen. Empty when the result does not fit a chart.
 */
export function quickChartHtml(r: ResultTable, description: string, format: (v: number) => string): string {
  const quick = quickChartSeries(r);
  if (!quick) return '';
  const { chart, chartNarrow } = drawnTwice((width, suffix) =>
    lineChart(quick.series, {
      id: `quick-chart${suffix}`,
      width,
      title: quick.measure,
      description,
      format,
      missingLabel: 'NULL',
      height: 260,
    }),
  );
  return `<div class="chart-wide overflow-x-auto">${chart.svg}</div><div class="chart-narrow overflow-x-auto">${chartNarrow.svg}</div>`;
}
