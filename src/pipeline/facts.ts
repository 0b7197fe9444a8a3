import { unitAtYearEnd } from './periods.ts';
import type { TypedRow } from './validate-columns.ts';

export type Level = 'commune' | 'district' | 'province' | 'unit_2025';

/** One published row of counts: a unit (at some level), a year, its other key columns, and its measures. */
export interface Fact {
  table: string;
  level: Level;
  code: string;
  district_code: string | null;
  year: number;
  dims: Record<string, string>;
  /** Null where the dataset does not collect the measure (an optional column), in a part or in the unit itself. */
  values: Record<string, number | null>;
}

/** A sum that is unknown as soon as one of its parts is (a measure the dataset does not collect). */
export const addKnown = (a: number | null, b: number | null): number | null => (a == null || b == null ? null : a + b);

/** What tells a fact apart, as one text: its dimensions' values given joined by `|`, in their order. */
export const factKeyOf = (table: string, level: Level, code: string, year: number, dims: string) =>
  `${table}|${level}|${code}|${year}|${dims}`;

export const factKey = (f: Pick<Fact, 'table' | 'level' | 'code' | 'year' | 'dims'>) =>
  factKeyOf(f.table, f.level, f.code, f.year, Object.values(f.dims).join('|'));

export interface UnitRow {
  unit_code: string;
  district_code: string | null;
  valid_from: string;
  valid_to: string | null;
}

/**
 * Turns commune rows into facts at commune level and, unless `communesOnly`, adds their sums by
 * district (where the unit had a district that year) and for the province, with the same dimensions.
 */
export function buildFacts(
  table: string,
  rows: TypedRow[],
  dimColumns: string[],
  measures: string[],
  units: UnitRow[],
  provinceCode: string,
  communesOnly = false,
): Fact[] {
  const unitAt = unitAtYearEnd(units);
  const facts = new Map<string, Fact>();
  // `values` is made for the row: the first fact of its key may keep it (`owned`), a sum needs its own.
  const add = (
    level: Level,
    code: string,
    district: string | null,
    year: number,
    dims: Record<string, string>,
    dimKey: string,
    values: Record<string, number | null>,
    owned: boolean,
  ) => {
    // The row's dimensions are joined once, not once a level.
    const key = factKeyOf(table, level, code, year, dimKey);
    const existing = facts.get(key);
    if (existing) {
      for (const m of measures) existing.values[m] = addKnown(existing.values[m], values[m]);
    } else {
      facts.set(key, { table, level, code, district_code: district, year, dims, values: owned ? values : { ...values } });
    }
  };
  for (const r of rows) {
    const year = r.year as number;
    const code = r.unit_code as string;
    const district = unitAt(code, year)?.district_code || null;
    const dims: Record<string, string> = {};
    for (const c of dimColumns) dims[c] = String(r[c]);
    const dimKey = Object.values(dims).join('|');
    const values: Record<string, number | null> = {};
    for (const m of measures) values[m] = r[m] as number | null;
    add('commune', code, district, year, dims, dimKey, values, true);
    if (communesOnly) continue;
    // Copied before any later row can add to the commune's fact, which may now hold `values`.
    if (district) add('district', district, district, year, dims, dimKey, values, false);
    add('province', provinceCode, null, year, dims, dimKey, values, false);
  }
  return [...facts.values()];
}
