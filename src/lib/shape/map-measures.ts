/** What the map can show. Each measure names the published column it reads and the counts a rate is computed from. */
export type MapLevel = 'district' | 'commune' | 'units2025';

export interface MapMeasure {
  id: string;
  table: 'poverty' | 'coverage';
  column: string;
  kind: 'percent' | 'count';
  /** The counts the value is computed from, shown beside it in the data table. */
  counts: string[];
  /** For coverage: which programme. */
  programme?: string;
}

const rate = (id: string, ...counts: string[]): MapMeasure => ({
  id,
  table: 'poverty',
  column: id,
  kind: 'percent',
  counts: [...counts, 'households'],
});
const count = (id: string): MapMeasure => ({ id, table: 'poverty', column: id, kind: 'count', counts: [id, 'households'] });
const coverage = (programme: string): MapMeasure => ({
  id: `coverage_${programme}`,
  table: 'coverage',
  column: 'coverage_rate',
  kind: 'percent',
  counts: ['covered', 'eligible'],
  programme,
});

export const MAP_MEASURES: readonly MapMeasure[] = [
  rate('poor_rate', 'poor'),
  rate('near_poor_rate', 'near_poor'),
  rate('poor_near_poor_rate', 'poor', 'near_poor'),
  count('poor'),
  count('near_poor'),
  { id: 'em_share_of_poor', table: 'poverty', column: 'em_share_of_poor', kind: 'percent', counts: ['poor_em', 'poor'] },
  coverage('bhyt'),
  coverage('credit'),
  coverage('tuition'),
  coverage('officials_trained'),
];

/** The re-aggregated 2025 units carry only counts and the two rates. */
const UNITS_2025 = new Set(['poor_rate', 'near_poor_rate', 'poor', 'near_poor']);

export const measuresFor = (level: MapLevel) => MAP_MEASURES.filter((i) => level !== 'units2025' || UNITS_2025.has(i.id));

export const findMeasure = (id: string) => MAP_MEASURES.find((i) => i.id === id);
