import type { DuckDBConnection } from '@duckdb/node-api';
import { applySuppression, buildCellSystem } from './disclosure-facts.ts';
import { loadTable, type SqlColumn, type SqlType } from './duckdb-load.ts';
import { buildFacts, type Fact, type UnitRow } from './facts.ts';
import { TABLES, type ColumnSpec } from './input-schema.ts';
import type { Dataset } from './load-dataset.ts';
import { validOn, yearEnd } from './periods.ts';
import type { TypedRow } from './validate-columns.ts';
import { reaggregateTo2025 } from './reaggregate.ts';
import { foldName } from '../lib/names.ts';

const POVERTY_MEASURES = TABLES.find((t) => t.name === 'poverty')!
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
 * Each deprivation row with the poor and near-poor households it counts among: the published table
 * shows them beside it, so the households not deprived are one subtraction away.
 */
function withPoorNearPoor(deprivation: TypedRow[], poverty: TypedRow[]): TypedRow[] {
  const key = (r: TypedRow) => `${r.unit_code}|${r.year}|${r.standard}`;
  const byKey = new Map(poverty.map((p) => [key(p), p]));
  return deprivation.map((d) => {
    const p = byKey.get(key(d));
    const poorNearPoor = p?.poor == null || p.near_poor == null ? null : (p.poor as number) + (p.near_poor as number);
    return { ...d, poor_near_poor: poorNearPoor };
  });
}
const DEPRIVATION_MEASURES = ['households_deprived', 'poor_near_poor', 'households_not_deprived'];
/** Counts the pipeline protects but never publishes: a reader knows them only through the others. */
export const UNPUBLISHED_MEASURES = new Set(COMPLEMENTS.filter((c) => c.name !== 'uncovered').map((c) => c.name));
const complementsOf = (table: string) => COMPLEMENTS.filter((c) => c.table === table);
const withComplements = (table: string, rows: TypedRow[]) =>
  rows.map((r) => ({
    ...r,
    ...Object.fromEntries(
      complementsOf(table).map((c) => [
        c.name,
        r[c.whole] == null || r[c.part] == null ? null : (r[c.whole] as number) - (r[c.part] as number),
      ]),
    ),
  }));

const flowIdentity = (stock: string): [string, number][] => [
  [stock, -1],
  [`${stock}_start`, 1],
  [`${stock}_exited`, -1],
  [`${stock}_new`, 1],
  [`${stock}_relapsed`, 1],
];

const sqlType = (c: ColumnSpec): SqlType =>
  c.type === 'integer' || c.type === 'year' ? 'INTEGER' : c.type === 'number' ? 'DOUBLE' : c.type === 'boolean' ? 'BOOLEAN' : 'VARCHAR';

/** Names every fact's unit as it was called at the end of its year. */
function namer(dataset: Dataset) {
  const units = dataset.tables.units as unknown as (UnitRow & Record<string, string>)[];
  const byCode = new Map<string, typeof units>();
  for (const u of units) byCode.set(u.unit_code, [...(byCode.get(u.unit_code) ?? []), u]);
  const districtNames = new Map<string, string>();
  const districtAt = (code: string, year: number) => {
    const key = `${code}|${year}`;
    if (!districtNames.has(key)) {
      districtNames.set(key, units.find((u) => u.district_code === code && validOn(u, yearEnd(year)))?.district_name ?? code);
    }
    return districtNames.get(key)!;
  };
  return (f: Fact) => {
    const unit = byCode.get(f.code)?.find((u) => validOn(u, yearEnd(f.year)));
    if (f.level === 'commune') {
      return {
        unit_name: unit?.unit_name ?? f.code,
        unit_type: unit?.unit_type ?? null,
        district_name: f.district_code ? districtAt(f.district_code, f.year) : null,
      };
    }
    if (f.level === 'district')
      return { unit_name: districtAt(f.code, f.year), unit_type: null, district_name: districtAt(f.code, f.year) };
    if (f.level === 'unit_2025') return { unit_name: unit?.unit_name ?? f.code, unit_type: unit?.unit_type ?? null, district_name: null };
    return { unit_name: dataset.meta.province.name_vi, unit_type: null, district_name: null };
  };
}

const FACT_COLUMNS: SqlColumn[] = [
  { name: 'level', type: 'VARCHAR' },
  { name: 'unit_code', type: 'VARCHAR' },
  { name: 'unit_name', type: 'VARCHAR' },
  { name: 'unit_type', type: 'VARCHAR' },
  { name: 'district_code', type: 'VARCHAR' },
  { name: 'district_name', type: 'VARCHAR' },
  { name: 'year', type: 'INTEGER' },
];

async function stageFacts(
  conn: DuckDBConnection,
  table: string,
  facts: Fact[],
  dims: string[],
  measures: string[],
  name: ReturnType<typeof namer>,
) {
  const rows = facts.map((f) => ({
    level: f.level,
    unit_code: f.code,
    district_code: f.level === 'province' ? null : f.district_code,
    year: f.year,
    ...name(f),
    ...f.dims,
    ...Object.fromEntries(measures.map((m) => [m, f.suppressed.has(m) ? null : f.values[m]])),
    suppressed: measures.filter((m) => f.suppressed.has(m)).join(','),
  }));
  const columns: SqlColumn[] = [
    ...FACT_COLUMNS,
    ...dims.map((d) => ({ name: d, type: 'VARCHAR' as const })),
    ...measures.map((m) => ({ name: m, type: 'INTEGER' as const })),
    { name: 'suppressed', type: 'VARCHAR' },
  ];
  await loadTable(conn, `stg_${table}`, columns, rows);
}

/** Every published count at every level, and the cell system that ties them together. */
export function countFacts(dataset: Dataset) {
  const { tables, meta } = dataset;
  const units = tables.units as unknown as UnitRow[];
  const code = meta.province.code;
  const povertyMeasures = [...POVERTY_MEASURES, ...complementsOf('poverty').map((c) => c.name)];
  const poverty = buildFacts('poverty', withComplements('poverty', tables.poverty), ['standard'], povertyMeasures, units, code);
  const successors = reaggregateTo2025(poverty, tables.crosswalk ?? [], units);
  const deprivation = buildFacts(
    'deprivation',
    withComplements('deprivation', withPoorNearPoor(tables.deprivation ?? [], tables.poverty)),
    ['standard', 'indicator'],
    DEPRIVATION_MEASURES,
    units,
    code,
  );
  const coverage = buildFacts(
    'coverage',
    withComplements('coverage', tables.coverage ?? []),
    ['programme'],
    ['eligible', 'covered', 'uncovered'],
    units,
    code,
  );
  const system = buildCellSystem(
    [...poverty, ...successors.facts, ...deprivation, ...coverage],
    [
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
    ],
    [
      { table: 'poverty', from: 'poor', to: 'poor_start' },
      { table: 'poverty', from: 'near_poor', to: 'near_poor_start' },
    ],
    successors.sums,
  );
  return { poverty, successors, deprivation, coverage, system };
}

/**
 * Builds the count facts at every level, applies disclosure control across all of them at once
 * (so no table can be differenced against another), and loads everything into staging tables.
 */
export async function stageDataset(conn: DuckDBConnection, dataset: Dataset) {
  const { tables, meta } = dataset;
  const { poverty, successors, deprivation, coverage, system } = countFacts(dataset);
  const suppression = applySuppression(system, meta.disclosure_threshold);
  const name = namer(dataset);
  await stageFacts(conn, 'poverty', poverty, ['standard'], POVERTY_MEASURES, name);
  await stageFacts(conn, 'poverty_2025', successors.facts, ['standard'], successors.measures, name);
  await loadTable(
    conn,
    'stg_poverty_2025_incomplete',
    [
      { name: 'unit_code', type: 'VARCHAR' },
      { name: 'year', type: 'INTEGER' },
      { name: 'standard', type: 'VARCHAR' },
      { name: 'predecessor_codes', type: 'VARCHAR' },
      { name: 'note', type: 'VARCHAR' },
    ],
    successors.incomplete,
  );
  await stageFacts(conn, 'deprivation', deprivation, ['standard', 'indicator'], ['households_deprived'], name);
  await stageFacts(conn, 'coverage', coverage, ['programme'], ['eligible', 'covered', 'uncovered'], name);

  for (const spec of TABLES.filter((t) => !['poverty', 'deprivation', 'coverage'].includes(t.name))) {
    await loadTable(
      conn,
      `stg_${spec.name}`,
      spec.columns.map((c) => ({ name: c.name, type: sqlType(c) })),
      tables[spec.name] ?? [],
    );
  }
  await loadTable(
    conn,
    'stg_province_join',
    [
      { name: 'area_name_en', type: 'VARCHAR' },
      { name: 'province_name', type: 'VARCHAR' },
      { name: 'iso_3166_2', type: 'VARCHAR' },
    ],
    [...dataset.provinces].map(([area_name_en, shape]) => ({ area_name_en, ...shape })),
  );
  await loadTable(
    conn,
    'stg_home_areas',
    [{ name: 'area_name_en', type: 'VARCHAR' }],
    [
      ...[...dataset.provinces]
        .filter(([, s]) => foldName(s.province_name) === foldName(meta.province.name_vi))
        .map(([area_name_en]) => ({ area_name_en })),
      ...(meta.province.gso_region_en ? [{ area_name_en: meta.province.gso_region_en }] : []),
    ],
  );
  await loadTable(
    conn,
    'stg_standards',
    [
      { name: 'standard', type: 'VARCHAR' },
      { name: 'name_vi', type: 'VARCHAR' },
      { name: 'name_en', type: 'VARCHAR' },
      { name: 'legal_basis', type: 'VARCHAR' },
      { name: 'first_year', type: 'INTEGER' },
      { name: 'last_year', type: 'INTEGER' },
    ],
    meta.standards.map((s) => ({ standard: s.id, ...s, first_year: Math.min(...s.years), last_year: Math.max(...s.years) })),
  );
  await loadTable(
    conn,
    'stg_illustrative',
    [
      { name: 'table_name', type: 'VARCHAR' },
      { name: 'illustrative', type: 'BOOLEAN' },
    ],
    Object.entries(meta.tables).map(([table_name, t]) => ({ table_name, illustrative: t.illustrative })),
  );
  return { cells: system.values.length, relations: system.relations.length, ...suppression };
}
