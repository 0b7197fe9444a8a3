import type { DuckDBConnection } from '@duckdb/node-api';
import { COUNT_DIMS, POVERTY_MEASURES } from './count-facts.ts';
import { loadTable, type SqlColumn, type SqlType } from './duckdb-load.ts';
import type { Fact, UnitRow } from './facts.ts';
import { TABLES, type ColumnSpec } from './input-schema.ts';
import { TARGET_UNIT_OF } from '../lib/target-indicators.ts';
import type { Dataset } from './load-dataset.ts';
import { validOn, yearEnd } from '../lib/periods.ts';
import { protectCounts } from './protect-counts.ts';
import { homeAreas } from './province-join.ts';

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
    if (f.level === 'unit_2025') {
      // A year re-aggregated onto a new unit is named by that unit, not by the unit its code named
      // that year (most new units kept one of their former units' codes: 06652 was Hà Phong).
      const latest = byCode.get(f.code)?.reduce((a, b) => (b.valid_from > a.valid_from ? b : a));
      return { unit_name: latest?.unit_name ?? f.code, unit_type: latest?.unit_type ?? null, district_name: null };
    }
    return { unit_name: dataset.meta.province.name_vi, unit_type: null, district_name: null };
  };
}

type Names = ReturnType<ReturnType<typeof namer>>;

/** The columns every fact is staged with, each with how a fact's row gives it. */
const FACT_COLUMNS: (SqlColumn & { of: (f: Fact, names: Names) => unknown })[] = [
  { name: 'level', type: 'VARCHAR', of: (f) => f.level },
  { name: 'unit_code', type: 'VARCHAR', of: (f) => f.code },
  { name: 'unit_name', type: 'VARCHAR', of: (_, n) => n.unit_name },
  { name: 'unit_type', type: 'VARCHAR', of: (_, n) => n.unit_type },
  { name: 'district_code', type: 'VARCHAR', of: (f) => (f.level === 'province' ? null : f.district_code) },
  { name: 'district_name', type: 'VARCHAR', of: (_, n) => n.district_name },
  { name: 'year', type: 'INTEGER', of: (f) => f.year },
];

async function stageFacts(
  conn: DuckDBConnection,
  table: string,
  facts: Fact[],
  dims: string[],
  measures: string[],
  name: ReturnType<typeof namer>,
) {
  // Each row is made as it is appended, in the columns' order: a national table's rows, all made
  // first, held half a gigabyte at the run's peak.
  function* rows() {
    for (const f of facts) {
      const names = name(f);
      yield [...FACT_COLUMNS.map((c) => c.of(f, names)), ...dims.map((d) => f.dims[d]), ...measures.map((m) => f.values[m])];
    }
  }
  const columns: SqlColumn[] = [
    ...FACT_COLUMNS,
    ...dims.map((d) => ({ name: d, type: 'VARCHAR' as const })),
    ...measures.map((m) => ({ name: m, type: 'INTEGER' as const })),
  ];
  await loadTable(conn, `stg_${table}`, columns, rows());
}

/**
 * Builds the count facts at every level from rounded counts (disclosure control across all of
 * them at once, so no table can be differenced against another), and loads everything into
 * staging tables.
 */
export async function stageDataset(conn: DuckDBConnection, dataset: Dataset) {
  const { tables, meta } = dataset;
  const { facts, summary } = await protectCounts(dataset);
  const { poverty, successors, deprivation, coverage } = facts;
  const name = namer(dataset);
  await stageFacts(conn, 'poverty', poverty, COUNT_DIMS.poverty, POVERTY_MEASURES, name);
  await stageFacts(conn, 'poverty_2025', successors.facts, COUNT_DIMS.poverty, successors.measures, name);
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
  await stageFacts(conn, 'deprivation', deprivation, COUNT_DIMS.deprivation, ['households_deprived'], name);
  await stageFacts(conn, 'coverage', coverage, COUNT_DIMS.coverage, ['eligible', 'covered', 'uncovered'], name);

  // A target's unit is its indicator's, in one spelling: "hộ" and "households" are then one unit,
  // named in each reader's language. A target the atlas cannot measure keeps the plan's words.
  const rowsOf = (table: string) =>
    table === 'targets'
      ? (tables.targets ?? []).map((r) => ({ ...r, unit: TARGET_UNIT_OF[r.indicator as string] ?? r.unit }))
      : (tables[table] ?? []);
  for (const spec of TABLES.filter((t) => !['poverty', 'deprivation', 'coverage'].includes(t.name))) {
    await loadTable(
      conn,
      `stg_${spec.name}`,
      spec.columns.map((c) => ({ name: c.name, type: sqlType(c) })),
      rowsOf(spec.name),
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
      ...homeAreas(dataset.provinces, meta.province.name_vi).map((area_name_en) => ({ area_name_en })),
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
  return summary;
}
