import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/pipeline/build.ts';
import { buildCellSystem } from '../../src/pipeline/disclosure-facts.ts';
import { PRIMARY, recoverableCells, suppressCells, type Relation } from '../../src/pipeline/disclosure.ts';
import { buildFacts } from '../../src/pipeline/facts.ts';
import { loadDataset } from '../../src/pipeline/load-dataset.ts';
import { validOn, yearEnd } from '../../src/pipeline/periods.ts';

type Row = Record<string, unknown> & { level: string; unit_code: string; district_code: string | null; year: number };
const COUNTS = {
  poverty: [
    'households',
    'poor_start',
    'poor_exited',
    'poor_new',
    'poor_relapsed',
    'poor',
    'near_poor_start',
    'near_poor_exited',
    'near_poor_new',
    'near_poor_relapsed',
    'near_poor',
    'households_em',
    'poor_em',
    'near_poor_em',
    'newly_escaped',
  ],
  deprivation: ['households_deprived'],
  coverage: ['eligible', 'covered', 'gap'],
  poverty_2025_units: ['households', 'poor', 'near_poor', 'households_em', 'poor_em', 'near_poor_em'],
} as const;
const DIMS: Record<string, string[]> = {
  poverty: ['standard'],
  deprivation: ['standard', 'indicator'],
  coverage: ['programme'],
  poverty_2025_units: ['standard'],
};

/**
 * An attacker's view: only the published Parquet files and what anyone knows about them (a
 * district is the sum of its communes, a province of its districts, a stock moves by its flows,
 * an unchanged unit starts the year where it ended the last one, a 2025 unit sums its whole
 * predecessors). Withheld cells are the unknowns; the solver finds every one they pin down.
 */
async function attack(dir: string) {
  const conn = await (await DuckDBInstance.create()).connect();
  const read = async (t: string) =>
    (await conn.runAndReadAll(`SELECT * FROM '${join(dir, 'parquet', `${t}.parquet`)}'`)).getRowObjectsJS() as Row[];
  const units = (await read('units')) as unknown as {
    unit_code: string;
    valid_from: string;
    valid_to: string | null;
    predecessor_codes: string | null;
  }[];
  const crosswalk = (await read('crosswalk')) as unknown as { old_unit_code: string; new_unit_code: string | null }[];

  const values: (number | null)[] = [];
  const id = new Map<string, number>();
  const cell = (key: string, v: unknown) => {
    id.set(key, values.length);
    values.push(v as number | null);
  };
  const relations: Relation[] = [];
  const sum = (total: string, parts: string[]) => {
    if (id.has(total) && parts.every((p) => id.has(p)))
      relations.push({ cells: [id.get(total)!, ...parts.map((p) => id.get(p)!)], coefs: [1, ...parts.map(() => -1)] });
  };
  const unchanged = (code: string, year: number) => {
    const a = units.find((u) => u.unit_code === code && validOn(u, yearEnd(year - 1)));
    const b = units.find((u) => u.unit_code === code && validOn(u, yearEnd(year)));
    return a != null && a === b && !b.predecessor_codes;
  };

  const tables: Record<string, Row[]> = {};
  for (const [table, measures] of Object.entries(COUNTS)) {
    tables[table] = await read(table);
    for (const r of tables[table]) {
      const key = `${table}|${r.level ?? 'unit_2025'}|${r.unit_code}|${r.year}|${DIMS[table].map((d) => r[d]).join('|')}`;
      for (const m of measures) cell(`${key}|${m}`, r[m]);
    }
  }
  for (const table of ['poverty', 'deprivation', 'coverage']) {
    const rows = tables[table];
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const g = `${r.year}|${DIMS[table].map((d) => r[d]).join('|')}`;
      groups.set(g, [...(groups.get(g) ?? []), r]);
    }
    for (const [g, members] of groups) {
      for (const m of COUNTS[table as keyof typeof COUNTS]) {
        const k = (r: Row) => `${table}|${r.level}|${r.unit_code}|${g}|${m}`;
        const communes = members.filter((r) => r.level === 'commune');
        const districts = members.filter((r) => r.level === 'district');
        for (const d of districts) sum(k(d), communes.filter((c) => c.district_code === d.unit_code).map(k));
        const province = members.find((r) => r.level === 'province')!;
        sum(k(province), [...districts, ...communes.filter((c) => !c.district_code)].map(k));
      }
    }
  }
  for (const r of tables.poverty) {
    const k = (m: string, year = r.year) => `poverty|${r.level}|${r.unit_code}|${year}|${r.standard}|${m}`;
    for (const s of ['poor', 'near_poor']) {
      relations.push({
        cells: [k(s), k(`${s}_start`), k(`${s}_exited`), k(`${s}_new`), k(`${s}_relapsed`)].map((c) => id.get(c)!),
        coefs: [-1, 1, -1, 1, 1],
      });
      const communesOf = (year: number) =>
        tables.poverty
          .filter(
            (c) =>
              c.level === 'commune' &&
              c.year === year &&
              c.standard === r.standard &&
              (r.level === 'province' || c.district_code === r.unit_code),
          )
          .map((c) => c.unit_code)
          .sort()
          .join();
      const stable =
        r.level === 'commune'
          ? unchanged(r.unit_code, r.year)
          : communesOf(r.year) === communesOf(r.year - 1) &&
            communesOf(r.year)
              .split(',')
              .every((c) => unchanged(c, r.year));
      if (stable && id.has(k(s, r.year - 1)))
        relations.push({ cells: [id.get(k(s, r.year - 1))!, id.get(k(`${s}_start`))!], coefs: [1, -1] });
    }
  }
  for (const r of tables.coverage) {
    const k = (m: string) => id.get(`coverage|${r.level}|${r.unit_code}|${r.year}|${r.programme}|${m}`)!;
    relations.push({ cells: [k('eligible'), k('covered'), k('gap')], coefs: [1, -1, -1] });
  }
  for (const r of tables.poverty_2025_units.filter((x) => x.method === 'sum of whole predecessor units')) {
    const olds = crosswalk.filter((c) => c.new_unit_code === r.unit_code).map((c) => c.old_unit_code);
    const present = tables.poverty.filter(
      (p) => p.level === 'commune' && p.year === r.year && p.standard === r.standard && olds.includes(p.unit_code),
    );
    for (const m of COUNTS.poverty_2025_units) {
      sum(
        `poverty_2025_units|unit_2025|${r.unit_code}|${r.year}|${r.standard}|${m}`,
        present.map((p) => `poverty|commune|${p.unit_code}|${p.year}|${p.standard}|${m}`),
      );
    }
  }
  const unknown = Uint8Array.from(values, (v) => (v == null ? 1 : 0));
  return { withheld: unknown.reduce((a, b) => a + b, 0), recovered: recoverableCells(relations, unknown), relations: relations.length };
}

let out: string;
beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'atlas-attack-')), 'data');
  await buildData('data/quang-ninh', out);
});

describe('disclosure control against differencing', () => {
  it('no withheld cell of the published Quảng Ninh data can be recovered from the published cells', async () => {
    const result = await attack(out);
    expect(result.withheld).toBeGreaterThan(1000);
    expect(result.relations).toBeGreaterThan(1000);
    expect(result.recovered).toEqual([]);
  });

  it('no small count can be derived by subtracting a published part from its published whole', async () => {
    const conn = await (await DuckDBInstance.create()).connect();
    const small = async (table: string, whole: string, part: string) =>
      (
        await conn.runAndReadAll(
          `SELECT count(*)::INT AS n FROM '${join(out, 'parquet', `${table}.parquet`)}' WHERE ${whole} - ${part} BETWEEN 1 AND 4`,
        )
      ).getRowObjectsJS()[0].n;
    expect(await small('poverty', 'poor', 'poor_em')).toBe(0);
    expect(await small('poverty', 'near_poor', 'near_poor_em')).toBe(0);
    expect(await small('poverty', 'households', 'households_em')).toBe(0);
    expect(await small('coverage', 'eligible', 'covered')).toBe(0);
    expect(await small('coverage', 'gap', '0')).toBe(0);
    // Households not deprived on an indicator: the poor and near-poor shown beside it, less the deprived.
    expect(await small('deprivation', 'poor_near_poor', 'households_deprived')).toBe(0);
  });

  it('the same attack does recover small counts when only they are withheld (so the test can fail)', async () => {
    const { dataset } = await loadDataset('data/quang-ninh');
    const measures = ['poor', 'poor_start', 'poor_exited', 'poor_new', 'poor_relapsed'];
    const facts = buildFacts('poverty', dataset!.tables.poverty, ['standard'], measures, dataset!.tables.units as never, '22');
    const system = buildCellSystem(
      facts,
      [
        {
          table: 'poverty',
          terms: [
            ['poor', -1],
            ['poor_start', 1],
            ['poor_exited', -1],
            ['poor_new', 1],
            ['poor_relapsed', 1],
          ],
        },
      ],
      [],
    );
    const primaryOnly = Uint8Array.from(system.values, (v) => (v > 0 && v < 5 ? 1 : 0));
    expect(recoverableCells(system.relations, primaryOnly).length).toBeGreaterThan(50);
    const protectedState = suppressCells(system.values, system.relations, 5);
    expect(recoverableCells(system.relations, protectedState)).toEqual([]);
    expect(protectedState.filter((s) => s === PRIMARY).length).toBe(primaryOnly.reduce((a, b) => a + b, 0));
  });
});
