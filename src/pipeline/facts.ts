import { unitAtYearEnd } from '../lib/periods.ts';
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

/** Dimensions joined, for each set of dimensions seen: a national table's facts share a few dozen. */
const joinedDims = new WeakMap<Record<string, string>, string>();

/** A fact's dimensions' values joined by `|`, in their order. */
export function dimsKey(dims: Record<string, string>): string {
  let key = joinedDims.get(dims);
  if (key === undefined) {
    key = Object.values(dims).join('|');
    joinedDims.set(dims, key);
  }
  return key;
}

export const factKey = (f: Pick<Fact, 'table' | 'level' | 'code' | 'year' | 'dims'>) =>
  factKeyOf(f.table, f.level, f.code, f.year, dimsKey(f.dims));

export interface UnitRow {
  unit_code: string;
  district_code: string | null;
  valid_from: string;
  valid_to: string | null;
}

/** Turns commune rows into facts at commune level (rows with the same key add up). */
export function communeFacts(table: string, rows: TypedRow[], dimColumns: string[], measures: string[], units: UnitRow[]): Fact[] {
  const unitAt = unitAtYearEnd(units);
  const facts: Fact[] = [];
  // Found by their dimensions, then year, then unit: a key string made and kept for each of a
  // national table's rows was most of the time this took. Facts with the same dimensions share one
  // object of them: the synthetic national deprivation table's 637.200 rows have 12 kinds (49 MB
  // less of the reader's model's heap at that scale).
  const byDims = new Map<string, { dims: Record<string, string>; years: Map<number, Map<string, Fact>> }>();
  for (const r of rows) {
    const year = r.year as number;
    const code = r.unit_code as string;
    let joined = '';
    for (let k = 0; k < dimColumns.length; k++) joined += k === 0 ? String(r[dimColumns[k]]) : `|${r[dimColumns[k]]}`;
    let kind = byDims.get(joined);
    if (!kind) {
      const dims: Record<string, string> = {};
      for (const c of dimColumns) dims[c] = String(r[c]);
      kind = { dims, years: new Map() };
      byDims.set(joined, kind);
    }
    let units = kind.years.get(year);
    if (!units) {
      units = new Map();
      kind.years.set(year, units);
    }
    const existing = units.get(code);
    if (existing) {
      for (const m of measures) existing.values[m] = addKnown(existing.values[m], r[m] as number | null);
      continue;
    }
    const values: Record<string, number | null> = {};
    for (const m of measures) values[m] = r[m] as number | null;
    const fact: Fact = {
      table,
      level: 'commune',
      code,
      district_code: unitAt(code, year)?.district_code || null,
      year,
      dims: kind.dims,
      values,
    };
    units.set(code, fact);
    facts.push(fact);
  }
  return facts;
}

/**
 * The commune facts of one table followed each by its sums: by district (where the commune had one
 * that year) and for the province, with the same dimensions.
 */
export function withSums(communes: Fact[], measures: string[], provinceCode: string): Fact[] {
  const out: Fact[] = [];
  const sums = new Map<string, Fact>();
  const add = (level: Level, code: string, district: string | null, f: Fact, dimKey: string) => {
    const key = factKeyOf(f.table, level, code, f.year, dimKey);
    const sum = sums.get(key);
    if (sum) {
      for (const m of measures) sum.values[m] = addKnown(sum.values[m], f.values[m]);
      return;
    }
    const values: Record<string, number | null> = {};
    for (const m of measures) values[m] = f.values[m];
    const fact: Fact = { table: f.table, level, code, district_code: district, year: f.year, dims: f.dims, values };
    sums.set(key, fact);
    out.push(fact);
  };
  for (const f of communes) {
    out.push(f);
    // The fact's dimensions are joined once, not once a level.
    const dimKey = dimsKey(f.dims);
    if (f.district_code) add('district', f.district_code, f.district_code, f, dimKey);
    add('province', provinceCode, null, f, dimKey);
  }
  return out;
}
