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

export const factKey = (f: Pick<Fact, 'table' | 'level' | 'code' | 'year' | 'dims'>) =>
  `${f.table}|${f.level}|${f.code}|${f.year}|${Object.values(f.dims).join('|')}`;

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
  const add = (
    level: Level,
    code: string,
    district: string | null,
    year: number,
    dims: Record<string, string>,
    values: Record<string, number | null>,
  ) => {
    const key = factKey({ table, level, code, year, dims });
    const existing = facts.get(key);
    if (existing) {
      for (const m of measures) existing.values[m] = addKnown(existing.values[m], values[m]);
    } else {
      facts.set(key, { table, level, code, district_code: district, year, dims, values: { ...values } });
    }
  };
  for (const r of rows) {
    const year = r.year as number;
    const code = r.unit_code as string;
    const unit = unitAt(code, year);
    const district = unit?.district_code || null;
    const dims = Object.fromEntries(dimColumns.map((c) => [c, String(r[c])]));
    const values = Object.fromEntries(measures.map((m) => [m, r[m] as number | null]));
    add('commune', code, district, year, dims, values);
    if (communesOnly) continue;
    if (district) add('district', district, district, year, dims, values);
    add('province', provinceCode, null, year, dims, values);
  }
  return [...facts.values()];
}
