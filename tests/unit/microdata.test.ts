import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/pipeline/issues.ts';
import { checkMicrodata } from '../../src/pipeline/microdata.ts';

describe('household microdata is refused', () => {
  it('when most rows are single households', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ line: i + 2, cells: { unit_code: '90001', households: i < 25 ? '1' : '3' } }));
    const issues: Issue[] = [];
    checkMicrodata({ file: 'poverty.csv', header: ['unit_code', 'households'], rows }, issues);
    expect(issues.map((i) => i.rule)).toEqual(['microdata_rows']);
    expect(issues[0].message).toContain('25 of 30 rows have households = 1');
  });

  it('when a column is named like personal data, in Vietnamese with or without diacritics', () => {
    const issues: Issue[] = [];
    checkMicrodata({ file: 'x.csv', header: ['Họ tên', 'CCCD', 'dia_chi', 'poor'], rows: [] }, issues);
    expect(issues.map((i) => i.column)).toEqual(['Họ tên', 'CCCD', 'dia_chi']);
  });

  it('but not for aggregates', () => {
    const issues: Issue[] = [];
    checkMicrodata({ file: 'x.csv', header: ['unit_code', 'households'], rows: [{ line: 2, cells: { unit_code: '06649', households: '4532' } }] }, issues);
    expect(issues).toEqual([]);
  });
});
