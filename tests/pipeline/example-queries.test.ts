import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/pipeline/build.ts';
import { EXAMPLE_FACTS, type ExampleFacts, exampleQueries } from '../../src/lib/example-queries.ts';
import { parquetColumns, parquetType, toCsv } from '../../src/lib/result-export.ts';
import { quickChartSeries } from '../../src/lib/quick-chart.ts';
import { scratchDir } from '../scratch-dir.ts';

// The default dataset published into a folder of this test's own, so that the test needs no earlier `npm run data`.
let data: string;
beforeAll(async () => {
  data = join(scratchDir('examples'), 'data');
  expect((await buildData('data/quang-ninh', data)).manifest).not.toBeNull();
});

describe("the explore page's example questions", () => {
  it("ask about the dataset's own years, standard and districts, and each answers from the published tables", async () => {
    const conn = await (await DuckDBInstance.create()).connect();
    for (const file of readdirSync(join(data, 'parquet'))) {
      await conn.run(`CREATE VIEW ${file.replace(/\.parquet$/, '')} AS SELECT * FROM '${join(data, 'parquet', file)}'`);
    }
    const [facts] = (await conn.runAndReadAll(EXAMPLE_FACTS)).getRowObjectsJS() as unknown as ExampleFacts[];
    expect(facts).toEqual({ standard: 'national', area: 'district', first_year: 2021, latest_year: 2024, bhyt_year: 2024 });
    const examples = exampleQueries(facts);
    expect(examples).toHaveLength(6);
    for (const q of examples) {
      expect((await conn.runAndReadAll(q.sql)).getRowObjectsJS().length, q.id).toBeGreaterThan(0);
      expect(q.vi).not.toBe(q.en);
    }
  });

  it('leave out what a dataset cannot answer, and quote a value from the data as SQL', () => {
    const oneYear = exampleQueries({ standard: "it's", area: 'commune', first_year: 2025, latest_year: 2025, bhyt_year: null });
    expect(oneYear.map((q) => q.id)).toEqual(['poorest-communes', 'unit-periods', 'merged-units', 'national-rank']);
    expect(oneYear[0].sql).toContain("standard = 'it''s'");
    expect(oneYear[0].sql).not.toContain('district_name');
  });
});

describe('result exports and quick charts', () => {
  const result = {
    columns: ['year', 'standard', 'poor'],
    types: ['Int32', 'Utf8', 'Int32'],
    rows: [
      { year: 2022, standard: 'national', poor: 258 },
      { year: 2023, standard: 'national', poor: null },
      { year: 2023, standard: 'provincial', poor: 81 },
    ],
  };

  it('writes CSV with empty cells for nulls and typed Parquet columns', () => {
    expect(toCsv(result)).toBe('year,standard,poor\n2022,national,258\n2023,national,\n2023,provincial,81\n');
    expect(parquetColumns(result).map((c) => c.type)).toEqual(['INT32', 'STRING', 'INT32']);
    expect(parquetType('Float64')).toBe('DOUBLE');
    expect(parquetType('Bool')).toBe('BOOLEAN');
  });

  it('charts a result with a year column, one line per text value', () => {
    const quick = quickChartSeries(result)!;
    expect(quick.measure).toBe('poor');
    expect(quick.series.map((s) => [s.id, s.points.length])).toEqual([
      ['national', 2],
      ['provincial', 1],
    ]);
    expect(quickChartSeries({ ...result, columns: ['standard', 'poor'] })).toBeNull();
  });
});
