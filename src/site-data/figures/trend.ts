import { unitInDistrict } from '../../lib/place.ts';
import { localized } from '../../i18n/locales.ts';
import { translator } from '../../i18n/t.ts';
import { lineChart } from '../../lib/charts/line-chart.ts';
import { cellText } from '../../lib/cells.ts';
import { drawnTwice } from '../../lib/charts/svg.ts';
import { formatDate, formatNumber, yearSpan } from '../../lib/format.ts';
import { isIllustrative, standardLabel } from '../../lib/manifest.ts';
import { seriesByStandard, type SeriesRow } from '../../lib/shape/series.ts';
import { areaSeries, provinceSeries, unitSeries } from '../../lib/queries.ts';
import { unitPage } from '../../lib/routes.ts';
import { datasetSource, provinceWords, rateBase, standardShort } from '../page.ts';
import { loadManifest, query, rowsByUnit, rowsOfUnit } from '../db.ts';
import { once } from '../memo.ts';
import { communeHistory, listUnits, type UnitRef } from '../units.ts';
import type { DrawContext, Drawing, FigureKind } from './kind.ts';

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
function trendDrawing(
  { locale, svgId }: DrawContext,
  rows: SeriesRow[],
  column: 'poor' | 'near_poor',
  { title, description, notes = [] }: { title: string; description: string; notes?: string[] },
  height?: number,
  mergers: { year: number; since: string }[] = [],
): Drawing {
  // A column the rows do not have (a re-aggregated series has no change over the year) is not shown.
  const columns = COLUMNS.filter(([key]) => rows.some((r) => key in r));
  const t = translator(locale);
  const manifest = loadManifest();
  const standards = manifest.dataset.standards;
  const { series, breaks } = seriesByStandard(
    rows,
    column,
    standards,
    (s, replaces) => `${t(replaces ? 'chart.break' : 'chart.break.added')}: ${standardLabel(s, locale)}`,
    (s) => standardLabel(s, locale),
  );
  // Across a merger the line is of another place: it is not joined.
  breaks.push(
    ...mergers.map((m) => ({ x: m.year, label: t('chart.break.merged', { date: formatDate(locale, m.since) }), separates: true })),
  );
  // A code that went by several names (kept by a new unit, or renamed) says which unit each year is of.
  const named = new Set(rows.map((r) => r.unit_name)).size > 1;
  return {
    title,
    description,
    ...drawnTwice((width, suffix) =>
      lineChart(series, {
        id: svgId + suffix,
        width,
        title,
        description,
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
        .map((s) => {
          // A standard without a short name is legended by its name, which need not be said twice.
          const [label, name] = [standardLabel(s, locale), localized(s, 'name', locale)];
          return label === name ? name : `${label}: ${name}`;
        })
        .join('; '),
      ...notes,
    ],
    table: {
      columns: [
        { key: 'year', label: t('col.year'), numeric: false },
        { key: 'standard', label: t('col.standard'), numeric: false },
        ...(named ? [{ key: 'unit_name', label: t('col.unit'), numeric: false }] : []),
        ...columns.map(([key, label]) => ({ key, label: t(label), numeric: true })),
      ],
      rowHeader: 0,
      rows: rows.map((r) => ({
        key: `${r.year}-${r.standard}`,
        data: { year: r.year, standard: r.standard },
        cells: [
          String(r.year),
          // Named briefly: the note under the chart gives each standard's full name, which a phone's
          // column would stand a word a line.
          standardShort(locale, r.standard),
          ...(named ? [String(r.unit_name)] : []),
          ...columns.map(([key, , kind]) => cellText(locale, r, key, kind, rateBase('poverty', key))),
        ],
        values: [
          r.year,
          r.standard,
          ...(named ? [r.unit_name as string] : []),
          ...columns.map(([key]) => (r[key] as number | null) ?? null),
        ],
      })),
    },
  };
}

/** A unit's poor households, or its near-poor where the dataset has more years of those. */
const countShown = (rows: SeriesRow[]): 'poor' | 'near_poor' => {
  const shown = (c: 'poor' | 'near_poor') => rows.filter((r) => r[c] != null).length;
  return shown('poor') >= shown('near_poor') ? 'poor' : 'near_poor';
};

/** The province's rows of the poverty table, every year and standard (read once per build). */
export const provinceRows = () => once('province-series', () => query(provinceSeries()));

/** The province's poor households over the years. */
export const provinceTrendFigure: FigureKind<null> = {
  instances: async () => [null],
  id: () => 'province/poor-trend',
  page: () => '',
  async draw(_, context) {
    const years = loadManifest().dataset.years;
    const t = translator(context.locale);
    const title = t('overview.trend.title', { years: yearSpan(years) });
    const description = t('overview.trend.desc', { kind: provinceWords(context.locale).kind });
    return trendDrawing(context, await provinceRows(), 'poor', { title, description });
  },
};

/** A unit's poor households over the years, or its near-poor where the dataset has more of those. */
export const unitTrendFigure: FigureKind<UnitRef> = {
  instances: listUnits,
  id: ({ level, code }) => `${unitPage(level, code)}trend`,
  page: ({ level, code }) => unitPage(level, code),
  leads: true,
  async draw({ level, code }, context) {
    const rows = await rowsOfUnit(unitSeries(level), code);
    const column = countShown(rows);
    // Named as in its latest year: the rows run standard by standard, and a standard may end earlier.
    const last = rows.reduce<(typeof rows)[number] | undefined>((latest, r) => (latest && latest.year > r.year ? latest : r), undefined);
    const name = last?.unit_name ?? code;
    const t = translator(context.locale);
    const mergers = level === 'commune' ? ((await communeHistory(code))?.breaks ?? []) : [];
    // Read aloud, the chart says too where its line stops and of which unit the years before are.
    const before = (year: number) =>
      rows
        .filter((r) => r.year < year)
        .sort((a, b) => a.year - b.year)
        .at(-1)?.unit_name ?? name;
    const description = [
      t(`unit.trend.desc.${column}`, { unit: name }),
      ...mergers.map((m) => t('unit.trend.desc.merged', { date: formatDate(context.locale, m.since), unit: String(before(m.year)) })),
    ].join(' ');
    return trendDrawing(
      context,
      rows,
      column,
      { title: `${t(`col.${column}`)}: ${last ? unitInDistrict(last, level) : code}`, description },
      level === 'district' ? 260 : 240,
      mergers,
    );
  },
};

/**
 * A unit made by merging others, over every year on its own area: before it existed, the sum of
 * the units it was made from (poverty_2025_units). Its page's own trend is cut at the merger; this
 * is the series a reader of the new commune compares across it.
 */
export const unitAreaTrendFigure: FigureKind<string> = {
  async instances() {
    const codes = [...(await rowsByUnit(areaSeries())).keys()];
    const merged = await Promise.all(codes.map(async (code) => ((await communeHistory(code))?.breaks.length ?? 0) > 0));
    return codes.filter((_, i) => merged[i]);
  },
  id: (code) => `${unitPage('commune', code)}area-trend`,
  page: (code) => unitPage('commune', code),
  async draw(code, context) {
    const [rows, history] = await Promise.all([rowsOfUnit(areaSeries(), code), communeHistory(code)]);
    const column = countShown(rows);
    // Only where some year before the merger could be summed (a former unit that was itself
    // reorganised before, or split, leaves its years out), else there is nothing to compare.
    const merger = history?.breaks.at(-1)?.year;
    if (!history?.formed || merger == null || !rows.some((r) => r.year < merger && r[column] != null)) return null;
    const t = translator(context.locale);
    const [unit, date] = [history.current.unit_name, formatDate(context.locale, history.formed.since)];
    const units = history.formed.from.map((f) => f.name ?? f.code).join(', ');
    const years = yearSpan(rows.map((r) => r.year));
    return trendDrawing(
      context,
      rows,
      column,
      {
        title: t(`unit.area.title.${column}`, { unit, date, years }),
        description: t(`unit.area.desc.${column}`, { unit, date }),
        notes: [t('unit.area.note', { date, units })],
      },
      240,
    );
  },
};
