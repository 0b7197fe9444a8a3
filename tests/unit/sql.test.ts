import { describe, expect, it } from 'vitest';
import { mapValues, sql, trusted, villageCriteria } from '../../src/lib/queries.ts';

describe('queries bind their values', () => {
  it('puts a placeholder in the text for every value, and the value in the parameters', () => {
    const hostile = "06841' OR 1=1 --";
    const q = villageCriteria(hostile);
    expect(q.text).not.toContain(hostile);
    expect(q.text.match(/\?/g)?.length).toBe(1);
    expect(q.params).toEqual([hostile]);
  });

  it('splices fragments in order, with their own parameters', () => {
    const q = sql`SELECT ${trusted('a')} FROM t WHERE x = ${1} AND ${sql`y = ${'b'} AND z = ${2}`} AND w = ${'c'}`;
    expect(q.text).toBe('SELECT a FROM t WHERE x = ? AND y = ? AND z = ? AND w = ?');
    expect(q.params).toEqual([1, 'b', 2, 'c']);
  });

  it("binds a map view's level, year, standard and programme; only declared column names are in its text", () => {
    const q = mapValues({
      level: 'commune',
      table: 'coverage',
      column: 'coverage_rate',
      counts: ['covered', 'eligible'],
      year: 2024,
      standard: "x'y",
      programme: 'bhyt',
    });
    expect(q.params).toEqual(['commune', 2024, "x'y", 'bhyt']);
    expect(q.text).not.toMatch(/'commune'|2024|bhyt/);
  });
});
