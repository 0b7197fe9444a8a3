import type { CellSystem } from './disclosure-facts.ts';
import { type PackedRelations, relationWriter } from './relations.ts';
import type { Fact } from './facts.ts';
import type { Metadata } from './metadata.ts';
import { unitAtYearEnd, yearEnd } from '../lib/periods.ts';

/** What every reader knows beyond the sums in the cell system: identities across tables, and bounds. */
export interface ReaderKnowledge {
  /** Σ coef·value = 0. */
  equalities: PackedRelations;
  /** Σ coef·value ≥ 0. */
  inequalities: PackedRelations;
}

/** A poor household is deprived on at least this many of the 12 indicators (Decree 07/2021/NĐ-CP, art. 3). */
const MIN_DEPRIVATIONS_OF_POOR = 3;

const unitYear = (f: Fact) => `${f.level}|${f.code}|${f.year}`;

/** A unit's period, with the units it was formed from (a merger) where it was. */
export interface UnitLineage {
  unit_code: string;
  valid_from: string;
  valid_to: string | null;
  predecessor_codes: string | null;
}

/** A whole less its parts: the coefficients of most of what a reader knows. */
const WHOLE_LESS_ONE = [1, -1];
const WHOLE_LESS_TWO = [1, -1, -1];

/** Stocks that carry over from one year's end to the next year's start. */
const STOCKS = ['poor', 'near_poor'];

/**
 * The identities and bounds a reader can apply to any published counts, from the documented
 * meaning of the columns and the public validation rules: poor and near-poor within households,
 * ethnic-minority poor within ethnic-minority households, the deprivation table's poor and
 * near-poor equal to the poverty table's, a poor household deprived at least three times, the
 * provincial standard counting at least the national poor, and the coverage programmes whose
 * eligible are exactly the poor and near-poor (declared per province), and a merged commune
 * starting its first year with the households its predecessors ended the last one with. Each is
 * kept only where it holds in the data, so it is never wrong about the truth.
 */
export function readerKnowledge(
  system: Pick<CellSystem, 'facts' | 'byMeasure' | 'values'>,
  meta: Pick<Metadata, 'standards' | 'eligible_equals_poor_near_poor'>,
  units: UnitLineage[],
): ReaderKnowledge {
  const [equalities, inequalities] = [relationWriter(), relationWriter()];
  /**
   * Keeps Σ coefs·cells = 0 (or ≥ 0) where every cell is counted and it holds. Cells and
   * coefficients as two arrays, the coefficients shared: a pair a term, and two arrays made of
   * the pairs, were millions of small arrays at national scale.
   */
  const keep = (cells: (number | undefined)[], coefs: readonly number[], equality: boolean) => {
    let total = 0;
    for (let t = 0; t < cells.length; t++) {
      const c = cells[t];
      if (c == null) return;
      total += coefs[t] * system.values[c];
    }
    if (equality ? total === 0 : total >= 0) (equality ? equalities : inequalities).add(cells as number[], coefs);
  };
  const poverty = new Map<string, Record<string, number>>();
  const { facts, byMeasure } = system;
  for (let i = 0; i < facts.length; i++) {
    if (facts[i].table === 'poverty') poverty.set(`${unitYear(facts[i])}|${facts[i].dims.standard}`, byMeasure[i]);
  }
  // The standard in force in a year: the last one declared that covers it.
  const inForce = (year: number) => meta.standards.filter((s) => s.years.includes(year)).at(-1)?.id;
  const deprivedSums = new Map<string, number[]>();

  for (let i = 0; i < facts.length; i++) {
    const [fact, ids] = [facts[i], byMeasure[i]];
    if (fact.table === 'poverty') {
      keep([ids.households, ids.poor, ids.near_poor], WHOLE_LESS_TWO, false);
      keep([ids.households_em, ids.poor_em], WHOLE_LESS_ONE, false);
      keep([ids.households, ids.newly_escaped], WHOLE_LESS_ONE, false);
      if (fact.dims.standard !== 'national') {
        const national = poverty.get(`${unitYear(fact)}|national`);
        keep([ids.poor, national?.poor], WHOLE_LESS_ONE, false);
      }
    } else if (fact.table === 'deprivation') {
      const key = `${unitYear(fact)}|${fact.dims.standard}`;
      const p = poverty.get(key);
      keep([ids.poor_near_poor, p?.poor, p?.near_poor], WHOLE_LESS_TWO, true);
      if (ids.households_deprived != null) {
        const deprived = deprivedSums.get(key);
        if (deprived) deprived.push(ids.households_deprived);
        else deprivedSums.set(key, [ids.households_deprived]);
      }
    } else if (fact.table === 'coverage' && meta.eligible_equals_poor_near_poor.includes(fact.dims.programme)) {
      const p = poverty.get(`${unitYear(fact)}|${inForce(fact.year)}`);
      keep([ids.eligible, p?.poor, p?.near_poor], WHOLE_LESS_TWO, true);
    }
  }
  const unitAt = unitAtYearEnd(units);
  for (let i = 0; i < facts.length; i++) {
    const [fact, ids] = [facts[i], byMeasure[i]];
    if (fact.table !== 'poverty' || fact.level !== 'commune') continue;
    const formed = unitAt(fact.code, fact.year);
    if (!formed?.predecessor_codes || formed.valid_from <= yearEnd(fact.year - 1)) continue;
    const before = formed.predecessor_codes
      .split(';')
      .map((code) => poverty.get(`commune|${code.trim()}|${fact.year - 1}|${fact.dims.standard}`));
    const coefs = [1, ...before.map(() => -1)];
    for (const stock of STOCKS) keep([ids[`${stock}_start`], ...before.map((p) => p?.[stock])], coefs, true);
  }
  for (const [key, deprived] of deprivedSums) {
    keep([...deprived, poverty.get(key)?.poor], [...deprived.map(() => 1), -MIN_DEPRIVATIONS_OF_POOR], false);
  }
  return { equalities: equalities.done(), inequalities: inequalities.done() };
}
