import { foldName } from '../lib/names.ts';
import { issue, type Issue } from './issues.ts';
import type { TypedRow } from './validate-columns.ts';

export interface ProvinceShape {
  province_name: string;
  iso_3166_2: string;
}

/** The first year the province polygons are valid for (before it, provinces such as Hà Tây still existed). */
const POLYGONS_FROM = 2008;

/**
 * Joins GSO's province names (ASCII) to the province polygons (Vietnamese) by folded name.
 * Every province that has a figure in a year the polygons cover must join to exactly one polygon;
 * each one that does not is an error naming the row.
 */
export function joinProvinces(rows: TypedRow[], shapes: ProvinceShape[], file: string, issues: Issue[]): Map<string, ProvinceShape> {
  const byKey = new Map<string, ProvinceShape[]>();
  for (const s of shapes) byKey.set(foldName(s.province_name), [...(byKey.get(foldName(s.province_name)) ?? []), s]);
  const joined = new Map<string, ProvinceShape>();
  for (const r of rows) {
    if (r.area_level !== 'province') continue;
    const name = String(r.area_name_en);
    const found = byKey.get(foldName(name)) ?? [];
    if (found.length === 1) joined.set(name, found[0]);
    else if (r.value_pct != null && (r.year as number) >= POLYGONS_FROM) {
      issues.push(
        issue(
          'error',
          file,
          r._line,
          'area_name_en',
          name,
          'province_join',
          found.length === 0
            ? 'no polygon in boundaries/provinces.geojson has this name (compared without diacritics)'
            : 'more than one polygon has this name',
        ),
      );
    }
  }
  return joined;
}

/** GSO's names for the dataset's own province among the joined ones (by folded name): none for a made-up or renamed one. */
export const homeAreas = (joined: Map<string, ProvinceShape>, provinceName: string): string[] =>
  [...joined].filter(([, s]) => foldName(s.province_name) === foldName(provinceName)).map(([area]) => area);
