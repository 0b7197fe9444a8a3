import { buildCellSystem } from './disclosure-facts.ts';
import { addKnown, communeFacts, type Fact, type UnitRow, withSums } from './facts.ts';
import { TABLES } from './input-schema.ts';
import { unitAtYearEnd, yearEnd } from '../lib/periods.ts';
import type { Dataset } from './load-dataset.ts';
import { reaggregateTo2025 } from './reaggregate.ts';

/** The tables of commune counts, and the columns that, beside unit and year, tell their rows apart. */
export const COUNT_DIMS = { poverty: ['standard'], deprivation: ['standard', 'indicator'], coverage: ['programme'] } satisfies Record<
  string,
  string[]
>;

export const POVERTY_MEASURES = TABLES.find((t) => t.name === 'poverty')!
  .columns.filter((c) => c.type === 'integer')
  .map((c) => c.name);

/**
 * Counts that readers can derive by subtraction (households that are not ethnic-minority, people
 * not yet covered). They are cells like any other: a small one is withheld, and what would reveal
 * it is withheld too. Only `uncovered` is published (as `gap`); the others protect silently.
 */
const COMPLEMENTS: { table: string; name: string; whole: string; part: string }[] = [
  { table: 'poverty', name: 'households_non_em', whole: 'households', part: 'households_em' },
  { table: 'poverty', name: 'poor_non_em', whole: 'poor', part: 'poor_em' },
  { table: 'poverty', name: 'near_poor_non_em', whole: 'near_poor', part: 'near_poor_em' },
  { table: 'coverage', name: 'uncovered', whole: 'eligible', part: 'covered' },
  { table: 'deprivation', name: 'households_not_deprived', whole: 'poor_near_poor', part: 'households_deprived' },
];

/**
 * Each deprivation fact with the poor and near-poor households it counts among: the published
 * table shows them beside it, so the households not deprived are one subtraction away.
 */
function addPoorNearPoor(deprivation: Fact[], poverty: Fact[]): Fact[] {
  const key = (f: Fact) => `${f.code}|${f.year}|${f.dims.standard}`;
  const byKey = new Map(poverty.map((p) => [key(p), p]));
  for (const d of deprivation) {
    const p = byKey.get(key(d));
    d.values.poor_near_poor = p ? addKnown(p.values.poor, p.values.near_poor) : null;
  }
  return deprivation;
}
const DEPRIVATION_MEASURES = ['households_deprived', 'poor_near_poor', 'households_not_deprived'];
/** Counts the pipeline protects but never publishes: a reader knows them only through the others. */
export const UNPUBLISHED_MEASURES = new Set(COMPLEMENTS.filter((c) => c.name !== 'uncovered').map((c) => c.name));
const complementsOf = (table: string) => COMPLEMENTS.filter((c) => c.table === table);
/** Each fact with its complements (whole less part), after the measures it has. */
function addComplements(table: string, facts: Fact[]): Fact[] {
  const complements = complementsOf(table);
  for (const { values } of facts) {
    for (const c of complements) {
      const [whole, part] = [values[c.whole], values[c.part]];
      values[c.name] = whole == null || part == null ? null : whole - part;
    }
  }
  return facts;
}

const flowIdentity = (stock: string): [string, number][] => [
  [stock, -1],
  [`${stock}_start`, 1],
  [`${stock}_exited`, -1],
  [`${stock}_new`, 1],
  [`${stock}_relapsed`, 1],
];

const IDENTITIES = [
  { table: 'poverty', terms: flowIdentity('poor') },
  { table: 'poverty', terms: flowIdentity('near_poor') },
  ...COMPLEMENTS.map((c) => ({
    table: c.table,
    terms: [
      [c.whole, 1],
      [c.part, -1],
      [c.name, -1],
    ] as [string, number][],
  })),
];
const CARRY_OVERS = [
  { table: 'poverty', from: 'poor', to: 'poor_start' },
  { table: 'poverty', from: 'near_poor', to: 'near_poor_start' },
];

export type CountFacts = ReturnType<typeof summedCountFacts>;
export type CommuneCountFacts = ReturnType<typeof communeCountFacts>;

const POVERTY_FACT_MEASURES = [...POVERTY_MEASURES, ...complementsOf('poverty').map((c) => c.name)];
const COVERAGE_MEASURES = ['eligible', 'covered', 'uncovered'];

/** The counts as collected, each commune row a fact, before any sum (what rounding works on). */
export function communeCountFacts({ tables }: Dataset) {
  const units = tables.units as unknown as UnitRow[];
  const poverty = addComplements('poverty', communeFacts('poverty', tables.poverty, COUNT_DIMS.poverty, POVERTY_MEASURES, units));
  const deprivation = communeFacts('deprivation', tables.deprivation ?? [], COUNT_DIMS.deprivation, ['households_deprived'], units);
  return {
    poverty,
    deprivation: addComplements('deprivation', addPoorNearPoor(deprivation, poverty)),
    coverage: addComplements(
      'coverage',
      communeFacts('coverage', tables.coverage ?? [], COUNT_DIMS.coverage, ['eligible', 'covered'], units),
    ),
  };
}

/** Every published count at every level, summed from the commune facts given (the facts are kept, not copied). */
export function summedCountFacts({ tables, meta }: Dataset, communes: CommuneCountFacts) {
  const code = meta.province.code;
  const poverty = withSums(communes.poverty, POVERTY_FACT_MEASURES, code);
  return {
    poverty,
    successors: reaggregateTo2025(poverty, tables.crosswalk ?? [], tables.units as unknown as UnitRow[]),
    deprivation: withSums(communes.deprivation, DEPRIVATION_MEASURES, code),
    coverage: withSums(communes.coverage, COVERAGE_MEASURES, code),
  };
}

/** Every published count at every level, from the dataset's rows. */
export const countFacts = (dataset: Dataset): CountFacts => summedCountFacts(dataset, communeCountFacts(dataset));

/** The cell system that ties count facts together: every total, identity and carry-over among them. */
export function countSystem(
  dataset: Dataset,
  { poverty, successors, deprivation, coverage }: CommuneCountFacts & { successors?: CountFacts['successors'] },
) {
  const unitAt = unitAtYearEnd(dataset.tables.units as unknown as UnitRow[]);
  const continues = (f: Fact) => f.level !== 'commune' || (unitAt(f.code, f.year)?.valid_from ?? '') <= yearEnd(f.year - 1);
  return buildCellSystem(
    [...poverty, ...(successors?.facts ?? []), ...deprivation, ...coverage],
    IDENTITIES,
    CARRY_OVERS,
    successors?.sums,
    continues,
  );
}
