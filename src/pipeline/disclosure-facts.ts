import { PRIMARY, SECONDARY, suppressCells } from './disclosure.ts';
import { type PackedRelations, relationWriter, unpackRelations } from './relations.ts';
import { dimsKey, type Fact, factKey, factKeyOf } from './facts.ts';

/** A linear identity among one fact's measures, as Σ coef·measure = 0. */
export interface RowIdentity {
  table: string;
  terms: [string, number][];
}

/** A measure that carries over from one year to the next (this year's start is last year's end). */
export interface CarryOver {
  table: string;
  from: string;
  to: string;
}

export interface CellSystem {
  /** Each cell's fact and measure, by the cell's number: two arrays, not an object a cell (a national system has 3,4 million cells). */
  cells: { fact: Fact[]; measure: string[] };
  values: number[];
  relations: PackedRelations;
  /** The facts, in the order given. */
  facts: Fact[];
  /**
   * Each fact's cells by measure, in the order of `facts`: an array, not a Map from the fact (made
   * and read for each of a national system's 900.000 facts, the Map was a second of the model).
   */
  byMeasure: Record<string, number>[];
}

/** Every relation a reader could use to difference published counts: totals, flows and carry-overs. */
export function buildCellSystem(
  facts: Fact[],
  identities: RowIdentity[],
  carryOvers: CarryOver[],
  extraSums: { total: Fact; parts: Fact[] }[] = [],
  /** Whether a fact's unit is the one of the year before (a unit formed that year starts from its predecessors, not from itself). */
  continues: (f: Fact) => boolean = () => true,
): CellSystem {
  const cells: CellSystem['cells'] = { fact: [], measure: [] };
  const values: number[] = [];
  const byMeasure = facts.map((fact) => {
    const own: Record<string, number> = {};
    // Not Object.entries: a pair made for each of a national system's 3,4 million cells.
    for (const measure in fact.values) {
      const value = fact.values[measure];
      if (value == null) continue;
      own[measure] = cells.fact.length;
      cells.fact.push(fact);
      cells.measure.push(measure);
      values.push(value);
    }
    return own;
  });
  const relations = relationWriter();
  // A relation with a measure the dataset does not collect tells a reader nothing.
  const relate = (members: (number | undefined)[], coefs: number[]) => {
    if (members.every((c) => c != null)) relations.add(members as number[], coefs);
  };
  const carryOversOf = Map.groupBy(carryOvers, (c) => c.table);
  // The counts as collected have no totals above them: their units' parents are not looked for,
  // and only the facts a year may carry over from are found by their key (each fact by its number).
  const hasTotals = facts.some((f) => f.level === 'district' || f.level === 'province');
  const byKey = new Map<string, number>();
  facts.forEach((f, i) => {
    if (hasTotals || carryOversOf.has(f.table)) byKey.set(factKey(f), i);
  });
  const provinceCode = facts.find((p) => p.level === 'province')?.code ?? '';
  const children = new Map<number, number[]>();
  facts.forEach((f, i) => {
    if (!hasTotals || f.level === 'province' || f.level === 'unit_2025') return;
    const parentKey =
      f.level === 'commune' && f.district_code
        ? factKeyOf(f.table, 'district', f.district_code, f.year, dimsKey(f.dims))
        : factKeyOf(f.table, 'province', provinceCode, f.year, dimsKey(f.dims));
    const parent = byKey.get(parentKey);
    if (parent === undefined) return;
    const siblings = children.get(parent);
    if (siblings) siblings.push(i);
    else children.set(parent, [i]);
  });
  const numberOf = extraSums.length > 0 ? new Map(facts.map((f, i) => [f, i])) : new Map<Fact, number>();
  const sums = [...children]
    .map(([total, parts]) => ({ total, parts }))
    .concat(extraSums.map(({ total, parts }) => ({ total: numberOf.get(total)!, parts: parts.map((p) => numberOf.get(p)!) })));
  for (const { total, parts } of sums) {
    const coefs = [1, ...parts.map(() => -1)];
    for (const measure of Object.keys(facts[total].values)) {
      relate([byMeasure[total][measure], ...parts.map((k) => byMeasure[k][measure])], coefs);
    }
  }
  const identitiesOf = Map.groupBy(
    identities.map((i) => ({ ...i, measures: i.terms.map(([m]) => m), coefs: i.terms.map(([, c]) => c) })),
    (i) => i.table,
  );
  const carried = [1, -1];
  facts.forEach((f, i) => {
    const own = byMeasure[i];
    for (const identity of identitiesOf.get(f.table) ?? []) {
      relate(
        identity.measures.map((m) => own[m]),
        identity.coefs,
      );
    }
    const carries = carryOversOf.get(f.table);
    if (!carries || !continues(f)) return;
    const before = byKey.get(factKeyOf(f.table, f.level, f.code, f.year - 1, dimsKey(f.dims)));
    if (before === undefined) return;
    for (const carry of carries) {
      const from = facts[before].values[carry.from];
      if (from != null && from === f.values[carry.to]) relate([byMeasure[before][carry.from], own[carry.to]], carried);
    }
  });
  return { cells, values, relations: relations.done(), facts, byMeasure };
}

const LEVEL_COST: Record<string, number> = { commune: 1, unit_2025: 1, district: 4, province: 16 };

/** What a reader loses when a cell is withheld: totals more than parts, stocks more than flows. */
function cellCost(fact: Fact, measure: string): number {
  // A copy of counts published in another table: they are withheld there or not at all.
  if (measure === 'poor_near_poor') return Number.POSITIVE_INFINITY;
  const measureCost =
    measure === 'households'
      ? 10
      : measure === 'poor' || measure === 'near_poor' || measure === 'eligible' || measure === 'covered'
        ? 6
        : measure.endsWith('_start') || measure.endsWith('_em')
          ? 3
          : 1;
  return LEVEL_COST[fact.level] * measureCost;
}

/** Cell suppression of the system: whether each cell is withheld, and how many were hidden, and why. */
export function applySuppression(system: CellSystem, threshold: number): { withheld: boolean[]; primary: number; secondary: number } {
  const state = suppressCells(
    system.values,
    unpackRelations(system.relations),
    threshold,
    system.cells.fact.map((fact, c) => cellCost(fact, system.cells.measure[c])),
  );
  return {
    withheld: Array.from(state, (s) => s !== 0),
    primary: state.filter((s) => s === PRIMARY).length,
    secondary: state.filter((s) => s === SECONDARY).length,
  };
}
