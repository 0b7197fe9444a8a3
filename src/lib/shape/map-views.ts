import { measuresFor, type MapMeasure, type MapLevel } from './map-measures.ts';

export interface MapPeriod {
  level: MapLevel;
  source: 'poverty' | 'coverage';
  year: number;
  standard: string | null;
  /** For coverage: the programme with figures that year (a dataset may collect only some). */
  programme: string | null;
  /** The measures' columns with a value for some unit (a rate has none where every base is too small). */
  valued: string[];
}

export interface MapView {
  level: MapLevel;
  measure: MapMeasure;
  year: number;
  standard: string | null;
  /** Site path of the view, without language or base: map/district/poor_rate/2022-national/. */
  path: string;
}

const LEVELS: readonly MapLevel[] = ['district', 'commune', 'units2025'];

export const periodSlug = (year: number, standard: string | null) => (standard ? `${year}-${standard}` : `${year}`);

const viewPath = (level: MapLevel, measure: string, year: number, standard: string | null) =>
  `map/${level}/${measure}/${periodSlug(year, standard)}/`;

/**
 * Every view a reader can open: each level's measures over the years and standards its table has
 * (a programme's coverage over the years it has figures), leaving out measures computed from a
 * count the dataset does not collect and views in which no unit has a value.
 */
export function mapViews(periods: MapPeriod[], notCollected: ReadonlySet<string> = new Set()): MapView[] {
  return LEVELS.flatMap((level) =>
    measuresFor(level)
      .filter((i) => !i.counts.some((c) => notCollected.has(c)))
      .flatMap((measure) =>
        periods
          .filter(
            (p) =>
              p.level === level &&
              p.source === measure.table &&
              (measure.programme ?? null) === p.programme &&
              p.valued.includes(measure.column),
          )
          .map((p) => ({ level, measure, year: p.year, standard: p.standard, path: viewPath(level, measure.id, p.year, p.standard) })),
      ),
  );
}

/**
 * The view a switch leads to when the reader changes one setting: the same view with that setting
 * changed if it exists, else the nearest one (latest year, then first standard) that does.
 */
export function switchTo(views: MapView[], from: MapView, change: Partial<{ level: MapLevel; measure: string; period: string }>): MapView {
  const level = change.level ?? from.level;
  const measure = change.measure ?? from.measure.id;
  const candidates = views.filter((v) => v.level === level && v.measure.id === measure);
  const pool = candidates.length ? candidates : views.filter((v) => v.level === level);
  const period = change.period ?? periodSlug(from.year, from.standard);
  return (
    pool.find((v) => periodSlug(v.year, v.standard) === period) ??
    pool.find((v) => v.year === from.year && (v.standard === from.standard || v.standard == null || from.standard == null)) ??
    pool.filter((v) => v.year <= from.year).at(-1) ??
    pool[0]
  );
}

export interface MapSwitch {
  kind: 'level' | 'measure' | 'period';
  options: { value: string; target: MapView; current: boolean }[];
}

/** The three rows of switches a map view offers, each option leading to the view it opens. */
export function mapSwitches(views: MapView[], view: MapView): MapSwitch[] {
  const here = views.filter((v) => v.level === view.level);
  return [
    {
      kind: 'level',
      options: LEVELS.filter((l) => views.some((v) => v.level === l)).map((level) => ({
        value: level,
        target: switchTo(views, view, { level }),
        current: level === view.level,
      })),
    },
    {
      kind: 'measure',
      options: [...new Set(here.map((v) => v.measure))].map((i) => ({
        value: i.id,
        target: switchTo(views, view, { measure: i.id }),
        current: i === view.measure,
      })),
    },
    {
      kind: 'period',
      options: here
        .filter((v) => v.measure === view.measure)
        .map((v) => ({ value: periodSlug(v.year, v.standard), target: v, current: v === view })),
    },
  ];
}
