import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { mapDefaultView } from '../../src/lib/queries.ts';

/** The view the map page opens on, over published tables holding only what the choice reads. */
async function openingView(standards: [string, number, number][], targetYears: number[]) {
  const conn = await (await DuckDBInstance.create()).connect();
  await conn.run('CREATE TABLE standards (standard VARCHAR, first_year INTEGER)');
  await conn.run('CREATE TABLE poverty (level VARCHAR, year INTEGER, standard VARCHAR)');
  await conn.run('CREATE TABLE targets (year INTEGER)');
  for (const [standard, first, last] of standards) {
    await conn.run(`INSERT INTO standards VALUES ('${standard}', ${first})`);
    for (let year = first; year <= last; year++) await conn.run(`INSERT INTO poverty VALUES ('district', ${year}, '${standard}')`);
  }
  for (const year of targetYears) await conn.run(`INSERT INTO targets VALUES (${year})`);
  const q = mapDefaultView();
  return (await conn.runAndReadAll(q.text, q.params as never)).getRowObjectsJS()[0];
}

describe('the map opens on a view that exists', () => {
  it.each([
    [
      "the plan's year under the standard in force then (Quảng Ninh: 2022, the national standard; its own came in 2023)",
      [
        ['national', 2021, 2025],
        ['provincial', 2023, 2025],
      ],
      [2022, 2025],
      { year: 2022, standard: 'national' },
    ],
    [
      'without a plan, the latest year under the standard of that year, not one replaced years before',
      [
        ['national_2016', 2016, 2020],
        ['national', 2021, 2025],
      ],
      [],
      { year: 2025, standard: 'national' },
    ],
    [
      'where two standards hold that year, the older one',
      [
        ['provincial', 2023, 2025],
        ['national', 2021, 2025],
      ],
      [],
      { year: 2025, standard: 'national' },
    ],
  ] as [string, [string, number, number][], number[], object][])('%s', async (_, standards, targetYears, view) => {
    expect(await openingView(standards, targetYears)).toEqual(view);
  });
});
