import { localized } from '../../i18n/locales.ts';
import { translator, type Locale } from '../../i18n/t.ts';
import { lineChart } from '../../lib/charts/line-chart.ts';
import { cellText } from '../../lib/cells.ts';
import { drawnTwice, type FigureModel } from '../../lib/figure.ts';
import { formatNumber } from '../../lib/format.ts';
import { isIllustrative, standardLabel, standardName } from '../../lib/manifest.ts';
import { seriesByStandard, type SeriesRow } from '../../lib/views/series.ts';
import { provinceSeries, unitSeries } from '../../lib/queries.ts';
import { unitPage } from '../../lib/routes.ts';
import { datasetSource } from '../page.ts';
import { loadManifest, query } from '../db.ts';
import { once } from '../memo.ts';

/** Columns of the trend's data table: [key, message, kind]. */
const COLUMNS = [
  ['households', 'col.households', 'count'],
  ['poor', 'col.poor', 'count'],
  ['poor_rate', 'col.poor_rate', 'percent'],
  ['near_poor', 'col.near_poor', 'count'],
  ['near_poor_rate', 'col.near_poor_rate', 'percent'],
  ['poor_change', 'col.poor_change', 'change'],
] as const;

/** Poor (or near-poor) households over the years, one line per poverty standard, never joined across standards. */
function trendFigure(
  locale: Locale,
  id: string,
  page: string,
  rows: SeriesRow[],
  column: 'poor' | 'near_poor',
  title: string,
  height?: number,
): FigureModel {
  const t = translator(locale);
  const manifest = loadManifest();
  const standards = manifest.dataset.standards;
  const { series, breaks } = seriesByStandard(
    rows,
    column,
    standards,
    (s) => `${t('chart.break')}: ${standardLabel(s, locale)}`,
    (s) => standardLabel(s, locale),
  );
  const svgId = id.replaceAll('/', '-');
  return {
    id,
    page,
    title,
    description: t('overview.trend.desc'),
    ...drawnTwice((width, suffix) =>
      lineChart(series, {
        id: svgId + suffix,
        width,
        title,
        description: t('overview.trend.desc'),
        format: (v) => formatNumber(locale, v)!,
        missingLabel: t('no_data'),
        breaks,
        height,
      }),
    ),
    source: datasetSource(locale, 'poverty'),
    illustrative: isIllustrative(manifest, 'poverty'),
    // The legend names each standard briefly; the note says what each one is.
    notes: [
      standards
        .filter((s) => series.some((l) => l.id === s.id))
        .map((s) => `${standardLabel(s, locale)}: ${localized(s, 'name', locale)}`)
        .join('; '),
    ],
    table: {
      columns: [
        { key: 'year', label: t('col.year'), numeric: false },
        { key: 'standard', label: t('col.standard'), numeric: false },
        ...COLUMNS.map(([key, label]) => ({ key, label: t(label), numeric: true })),
      ],
      rowHeader: 0,
      rows: rows.map((r) => ({
        key: `${r.year}-${r.standard}`,
        data: { year: r.year, standard: r.standard },
        cells: [
          String(r.year),
          standardName(manifest, r.standard, locale),
          ...COLUMNS.map(([key, , kind]) => cellText(locale, r, key, kind)),
        ],
        values: [r.year, r.standard, ...COLUMNS.map(([key]) => (r[key] as number | null) ?? null)],
      })),
    },
  };
}

/** The province's rows of the poverty table, every year and standard (read once per build). */
export const provinceRows = () => once('province-series', () => query<SeriesRow>(provinceSeries()));

/** The province's poor households over the years. */
export const provinceTrend = (locale: Locale): Promise<FigureModel> =>
  once(`${locale}:province/poor-trend`, async () => {
    const years = loadManifest().dataset.years;
    const rows = await provinceRows();
    return trendFigure(
      locale,
      'province/poor-trend',
      '',
      rows,
      'poor',
      translator(locale)('overview.trend.title', { first: years[0], last: years.at(-1)! }),
    );
  });

/** A unit's poor households over the years, or its near-poor where the dataset has more of those. */
export const unitTrend = (locale: Locale, level: 'district' | 'commune', code: string): Promise<FigureModel> =>
  once(`${locale}:${level}s/${code}/trend`, async () => {
    const rows = await query<SeriesRow>(unitSeries(level, code));
    const shown = (c: string) => rows.filter((r) => r[c] != null).length;
    const column = shown('poor') >= shown('near_poor') ? 'poor' : 'near_poor';
    const name = (rows.at(-1)?.unit_name as string | undefined) ?? code;
    return trendFigure(
      locale,
      `${unitPage(level, code)}trend`,
      unitPage(level, code),
      rows,
      column,
      `${translator(locale)(`col.${column}`)}: ${name}`,
      level === 'district' ? 260 : 240,
    );
  });
