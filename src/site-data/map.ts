import { mapDefaultView, mapIndicatorValues, mapPeriods, mapValues } from '../lib/queries.ts';
import { classBreaks } from '../lib/shape/class-breaks.ts';
import { findMeasure } from '../lib/shape/map-measures.ts';
import { mapViews, type MapView } from '../lib/shape/map-views.ts';
import { loadManifest, query } from './db.ts';
import { once } from './memo.ts';

/** Every map view the published data supports (read once per build). */
export const listMapViews = () =>
  once('map-views', async () => {
    const poverty = loadManifest().tables.find((t) => t.name === 'poverty');
    const notCollected = new Set(poverty?.schema.filter((c) => c.not_collected).map((c) => c.name));
    return mapViews(await query(mapPeriods()), notCollected);
  });

/** The view the map page opens on: poverty rate by district in the plan's year. */
export async function defaultMapView(): Promise<MapView> {
  const all = await listMapViews();
  const [row] = await query(mapDefaultView());
  const rates = all.filter((v) => v.measure === findMeasure('poor_rate'));
  // Else the latest: by district if it can be, by commune where a province has no districts.
  const latest = (views: MapView[]) => views.reduce<MapView | undefined>((a, b) => (a && a.year >= b.year ? a : b), undefined);
  return (
    rates.find((v) => v.level === 'district' && v.year === row.year && v.standard === row.standard) ??
    latest(rates.filter((v) => v.level === 'district')) ??
    latest(rates) ??
    all[0]
  );
}

export const loadMapRows = (v: MapView) =>
  query(
    mapValues({
      level: v.level,
      table: v.measure.table,
      column: v.measure.column,
      counts: v.measure.counts,
      year: v.year,
      standard: v.standard,
      programme: v.measure.programme,
    }),
  );

/** The class breaks of a view's measure, from all its years (read once per measure, level and standard). */
export const mapBreaks = (v: MapView) => {
  const q = {
    level: v.level,
    table: v.measure.table,
    column: v.measure.column,
    standard: v.standard,
    programme: v.measure.programme,
  };
  return once(`breaks|${JSON.stringify(q)}`, () => query(mapIndicatorValues(q)).then((rows) => classBreaks(rows.map((r) => r.value))));
};
