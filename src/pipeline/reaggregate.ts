import { addKnown, type Fact, type UnitRow } from './facts.ts';
import { yearEnd } from '../lib/periods.ts';
import type { TypedRow } from './validate-columns.ts';

export const SUCCESSOR_MEASURES = ['households', 'poor', 'near_poor', 'households_em', 'poor_em', 'near_poor_em'];

export interface Reaggregation {
  facts: Fact[];
  sums: { total: Fact; parts: Fact[] }[];
  incomplete: { unit_code: string; year: number; standard: string; predecessor_codes: string; note: string }[];
  measures: string[];
}

/**
 * Re-aggregates the years reported on older units onto the units of the latest reorganisation,
 * through the crosswalk. Exact where every predecessor moved whole; a unit that received part of
 * a split commune gets no value, and the reason says which predecessor was split.
 */
export function reaggregateTo2025(poverty: Fact[], crosswalk: TypedRow[], units: UnitRow[]): Reaggregation {
  const out: Reaggregation = { facts: [], sums: [], incomplete: [], measures: SUCCESSOR_MEASURES };
  const targets = new Map<string, TypedRow[]>();
  for (const r of crosswalk) {
    if (r.new_unit_code) targets.set(String(r.new_unit_code), [...(targets.get(String(r.new_unit_code)) ?? []), r]);
  }
  if (targets.size === 0) return out;
  const startOfNew = units
    .filter((u) => targets.has(u.unit_code))
    .map((u) => u.valid_from)
    .sort()
    .at(-1)!;
  const communes = poverty.filter((f) => f.level === 'commune' && yearEnd(f.year) < startOfNew);
  const byYearStandard = new Map<string, Map<string, Fact>>();
  for (const f of communes) {
    const key = `${f.year}|${f.dims.standard}`;
    if (!byYearStandard.has(key)) byYearStandard.set(key, new Map());
    byYearStandard.get(key)!.set(f.code, f);
  }
  for (const [key, facts] of byYearStandard) {
    const [year, standard] = [Number(key.split('|')[0]), key.split('|')[1]];
    for (const [code, olds] of [...targets].sort(([a], [b]) => a.localeCompare(b))) {
      const predecessors = olds.map((o) => String(o.old_unit_code)).join(';');
      const split = olds.filter((o) => o.relation !== 'full').map((o) => String(o.old_unit_code));
      if (split.length > 0) {
        out.incomplete.push({
          unit_code: code,
          year,
          standard,
          predecessor_codes: predecessors,
          note: `partial transfer from ${split.join(', ')}: a split commune's households cannot be divided without village data`,
        });
        continue;
      }
      const parts = olds.map((o) => facts.get(String(o.old_unit_code))).filter((f): f is Fact => f != null);
      const values = Object.fromEntries(
        SUCCESSOR_MEASURES.map((m) => [m, parts.reduce<number | null>((a, p) => addKnown(a, p.values[m]), 0)]),
      );
      const total: Fact = {
        table: 'poverty_2025',
        level: 'unit_2025',
        code,
        district_code: null,
        year,
        dims: { standard },
        values,
      };
      out.facts.push(total);
      out.sums.push({ total, parts });
    }
  }
  return out;
}
