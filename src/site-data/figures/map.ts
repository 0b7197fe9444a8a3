import { labelOf, translator, type Locale, type MessageKey } from '../../i18n/t.ts';
import { choropleth } from '../../lib/charts/choropleth.ts';
import { tileMap } from '../../lib/charts/tile-map.ts';
import { cellText } from '../../lib/cells.ts';
import { drawnTwice } from '../../lib/charts/svg.ts';
import { formatNumber, formatPercent, uncapitalized } from '../../lib/format.ts';
import { inLocale, isIllustrative } from '../../lib/manifest.ts';
import { mapData, tileGroups } from '../../lib/shape/map-data.ts';
import type { MapView } from '../../lib/shape/map-views.ts';
import { unitPage } from '../../lib/routes.ts';
import { loadBoundary } from '../boundaries.ts';
import { loadManifest } from '../db.ts';
import { datasetSource, provinceName, rateBase, standardShort } from '../page.ts';
import { listMapViews, loadMapRows, mapBreaks } from '../map.ts';
import type { DrawContext, Drawing, FigureKind } from './kind.ts';

/** The words a map view is known by: its measure, level and period in the reader's language. */
export function mapViewNames(locale: Locale, view: MapView) {
  const t = translator(locale);
  const measure = labelOf(locale, 'measure', view.measure.id);
  const level = t(`map.level.${view.level}` as MessageKey);
  const period = (year: number, standard: string | null) =>
    standard ? t('map.period.standard', { year, standard: standardShort(locale, standard) }) : String(year);
  return { measure, level, period, title: t('map.view.title', { measure, level, period: period(view.year, view.standard) }) };
}

/**
 * A map view as a figure: district polygons, commune polygons when the dataset has them for
 * (nearly) every unit shown, else tiles grouped by district, which claim no geography.
 */
async function drawMap(view: MapView, { locale, href: link }: DrawContext): Promise<Drawing> {
  const t = translator(locale);
  const manifest = loadManifest();
  const rows = await loadMapRows(view);
  const ind = view.measure;
  const names = mapViewNames(locale, view);
  const format = (v: number) => (ind.kind === 'percent' ? formatPercent(locale, v, v >= 10 ? 1 : 2)! : formatNumber(locale, v)!);
  const rate = rateBase(view.level === 'units2025' ? 'poverty_2025_units' : ind.table, ind.column);
  const values = mapData(
    rows,
    { noData: t('no_data'), partial: t('map.partial'), tooFew: t('rate.too_few', { min: rate?.min ?? 0 }) },
    rate,
  );
  const href = (code: string) => link(unitPage(view.level === 'district' ? 'district' : 'commune', code));
  const options = {
    id: 'map',
    title: names.title,
    description: t('map.view.desc', { unit: names.level, measure: uncapitalized(locale, names.measure) }),
    format,
    missingLabel: t('no_data'),
    breaks: await mapBreaks(view),
    ceiling: ind.kind === 'percent' ? 100 : undefined,
    href,
    legendTitle: t(ind.kind === 'percent' ? 'map.legend.percent' : 'map.legend.count', { measure: names.measure }),
  };

  const boundaryName = view.level === 'district' ? 'districts' : 'communes';
  const key = view.level === 'district' ? 'district_code' : 'unit_code';
  const shapes = loadBoundary(boundaryName, 0.15);
  const drawn = shapes?.features.filter((f) => values.has(String(f.properties[key]))) ?? [];
  const onBoundaries = shapes != null && drawn.length >= rows.length * 0.9;
  // Communes are grouped by district where they have one; a province without districts is one group.
  const grouped = view.level !== 'district' && rows.some((r) => r.group_code != null);
  const groups = tileGroups(rows, grouped ? t('map.nogroup') : provinceName(locale));
  const drawings = drawnTwice((width, suffix) =>
    onBoundaries
      ? choropleth({ ...shapes, features: drawn }, values, {
          ...options,
          id: options.id + suffix,
          width,
          key,
          labels: view.level === 'district',
        })
      : tileMap(groups, values, { ...options, id: options.id + suffix, width, labels: view.level === 'district' }),
  );
  const boundary = onBoundaries ? manifest.boundaries.find((b) => b.name === boundaryName) : undefined;

  const counts = ind.counts.filter((c) => c !== ind.column);
  return {
    title: names.title,
    description: options.description,
    ...drawings,
    source: [
      datasetSource(locale, ind.table),
      boundary ? `${inLocale(boundary.source, locale)} (${inLocale(boundary.licence, locale)})` : '',
    ]
      .join(' ')
      .trim(),
    illustrative: isIllustrative(manifest, ind.table),
    notes: [
      !onBoundaries ? t(view.level === 'district' ? 'map.tiles.districts' : grouped ? 'map.tiles.note' : 'map.tiles.note.ungrouped') : '',
      onBoundaries && view.level !== 'district' ? t('map.commune.boundaries') : '',
      view.level === 'units2025' ? t('map.units2025.note') : '',
      ind.table === 'coverage' ? t('map.coverage.note') : '',
      rate && [...values.values()].some((d) => d.tooFew) ? t('rate.too_few.map', { min: rate.min }) : '',
    ].filter(Boolean),
    table: {
      columns: [
        { key: 'unit_code', label: t('col.code'), numeric: false },
        { key: 'unit_name', label: t('col.unit'), numeric: false },
        ...(grouped ? [{ key: 'district_name', label: t('map.table.group'), numeric: false }] : []),
        { key: ind.id, label: names.measure, numeric: true },
        ...counts.map((c) => ({ key: c, label: t(`col.${c}` as MessageKey), numeric: true })),
      ],
      rowHeader: 1,
      rows: rows.map((r) => {
        const d = values.get(r.unit_code)!;
        return {
          key: r.unit_code,
          href: href(r.unit_code),
          cells: [
            r.unit_code,
            r.unit_name,
            ...(grouped ? [r.group_name ?? ''] : []),
            d.value == null ? d.missing! : format(d.value),
            ...counts.map((c) => (r.complete ? cellText(locale, r, c) : t('map.partial'))),
          ],
          values: [
            r.unit_code,
            r.unit_name,
            ...(grouped ? [r.group_name] : []),
            r.value,
            ...counts.map((c) => (r[c] as number | null) ?? null),
          ],
        };
      }),
    },
  };
}

export const mapFigure: FigureKind<MapView> = {
  instances: listMapViews,
  id: (view) => view.path.replace(/\/$/, ''),
  page: (view) => view.path,
  draw: drawMap,
};
