import { labelOf, translator, type Locale } from '../../i18n/t.ts';
import { choropleth } from '../../lib/charts/choropleth.ts';
import { lineChart } from '../../lib/charts/line-chart.ts';
import { drawnTwice } from '../../lib/charts/svg.ts';
import { formatPercent, yearSpan } from '../../lib/format.ts';
import { foldName } from '../../lib/names.ts';
import { gsoHomeSeries, gsoProvinces, gsoYears, type RowOf } from '../../lib/queries.ts';
import { classBreaks } from '../../lib/shape/class-breaks.ts';
import { nationalComparison } from '../../lib/shape/national.ts';
import { loadArchipelagos, loadBoundary } from '../boundaries.ts';
import { query } from '../db.ts';
import { provinceName } from '../page.ts';
import { once } from '../memo.ts';
import type { DrawContext, Drawing, FigureKind } from './kind.ts';

/** The years GSO published provincial rates for (read once per build). */
export const listGsoYears = () => once('gso-years', async () => (await query(gsoYears())).map((r) => r.year));

type Province = RowOf<typeof gsoProvinces>;

const pct = (locale: Locale, v: number | null | undefined) => formatPercent(locale, v ?? null, 1) ?? translator(locale)('no_data');

/** The inset every map of Vietnam carries: Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa), named and coloured as their province. */
function archipelagoInset(locale: Locale, provinces: Province[]) {
  const t = translator(locale);
  const islands = loadArchipelagos();
  if (!islands || islands.features.length === 0) return undefined;
  const iso = (name: string) => provinces.find((p) => foldName(p.province_name) === foldName(name))?.iso_3166_2 ?? '';
  return {
    islands,
    title: t('map.archipelagos'),
    labels: [
      { id: 'hoang-sa', lines: [t('map.hoang_sa'), t('map.of', { province: 'Đà Nẵng' })], of: iso('Đà Nẵng') },
      { id: 'truong-sa', lines: [t('map.truong_sa'), t('map.of', { province: 'Khánh Hòa' })], of: iso('Khánh Hòa') },
    ],
  };
}

/** GSO's poverty rate of every province in one year, the dataset's province outlined; none without province polygons. */
export const nationalMapFigure: FigureKind<number> = {
  instances: listGsoYears,
  id: (year) => `national/${year}/map`,
  page: (year) => `national/${year}/`,
  draw: drawNationalMap,
};

async function drawNationalMap(year: number, { locale, svgId }: DrawContext): Promise<Drawing | null> {
  const t = translator(locale);
  const geo = loadBoundary('provinces', 0.05);
  if (!geo) return null;
  const provinces = await query(gsoProvinces(year));
  const title = t('national.map.title', { year });
  const home = provinces.find((p) => p.home)?.iso_3166_2;
  // The outline is promised only where the dataset's province is one of GSO's (a made-up or renamed one is not).
  const description = t(home ? 'national.map.desc' : 'national.map.desc.nohome', { province: provinceName(locale) });
  return {
    title,
    description,
    ...drawnTwice((width, suffix) =>
      choropleth(geo, new Map(provinces.map((p) => [p.iso_3166_2, { name: p.province_name, value: p.value_pct }])), {
        id: svgId + suffix,
        title,
        description,
        key: 'iso_3166_2',
        format: (v) => formatPercent(locale, v, 1)!,
        missingLabel: t('no_data'),
        legendTitle: t('national.col.rate'),
        breaks: classBreaks(provinces.map((p) => p.value_pct)),
        highlight: home,
        width: width ?? 560,
        height: 620,
        inset: archipelagoInset(locale, provinces),
      }),
    ),
    source: t('national.note.source'),
    illustrative: false,
    notes: [],
    table: {
      columns: [
        { key: 'rank', label: t('national.rank'), numeric: true },
        { key: 'province_name', label: t('national.col.province'), numeric: false },
        { key: 'value_pct', label: t('national.col.rate'), numeric: true },
      ],
      rowHeader: 1,
      rows: provinces.map((p) => ({
        key: p.iso_3166_2,
        data: { province: p.iso_3166_2, ...(p.home ? { home: 'true' } : {}) },
        cells: [p.rank == null ? '–' : String(p.rank), p.province_name, `${pct(locale, p.value_pct)}${p.preliminary ? '*' : ''}`],
        values: [p.rank, p.province_name, p.value_pct],
      })),
    },
  };
}

/** GSO's rates for the dataset's province, its region and the country, every year (read once per build). */
export const homeSeries = () => once('gso-home-series', () => query(gsoHomeSeries()));

/** The dataset's province, its region and the country over every GSO year; none when GSO has no years. */
export const nationalTrendFigure: FigureKind<null> = {
  instances: async () => ((await listGsoYears()).length ? [null] : []),
  id: () => 'national/trend',
  page: () => 'national/',
  draw: async (_, context) => drawNationalTrend(await listGsoYears(), context),
};

async function drawNationalTrend(years: number[], { locale, svgId }: DrawContext): Promise<Drawing> {
  const t = translator(locale);
  const home = await homeSeries();
  const region = labelOf(locale, 'region', foldName(home.find((r) => r.area_level === 'region')?.area_name_en ?? ''));
  const view = nationalComparison(home, years.at(-1)!, {
    province: provinceName(locale),
    region: t('national.region', { region }),
    country: t('national.country'),
  });
  const title = t('national.trend.title', { province: provinceName(locale), years: yearSpan(years) });
  return {
    title,
    description: t('national.trend.desc'),
    ...drawnTwice((width, suffix) =>
      lineChart(view.series, {
        id: svgId + suffix,
        width,
        title,
        description: t('national.trend.desc'),
        format: (v) => formatPercent(locale, v, 1)!,
        missingLabel: t('no_data'),
      }),
    ),
    source: t('national.note.source'),
    illustrative: false,
    notes: [],
    table: {
      columns: [
        { key: 'year', label: t('col.year'), numeric: false },
        ...view.series.map((s) => ({ key: s.id, label: s.label, numeric: true })),
      ],
      rowHeader: 0,
      rows: years.map((y) => {
        const at = view.series.map((s) => s.points.find((p) => p.x === y)?.y ?? null);
        return { key: String(y), cells: [String(y), ...at.map((v) => pct(locale, v))], values: [y, ...at] };
      }),
    },
  };
}
