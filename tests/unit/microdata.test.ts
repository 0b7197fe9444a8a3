import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/pipeline/issues.ts';
import { checkMicrodata, namesAHousehold, personalNumber } from '../../src/pipeline/microdata.ts';

const check = (header: string[], rows: Record<string, string>[]) => {
  const issues: Issue[] = [];
  checkMicrodata({ file: 'x.csv', header, rows: rows.map((cells, i) => ({ line: i + 2, cells })), unreadable: new Set() }, issues);
  return issues;
};

describe('household microdata is refused', () => {
  it('row by row where a "commune" has 1 or 2 households', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ unit_code: '90001', households: i < 25 ? String(1 + (i % 2)) : '300' }));
    const issues = check(['unit_code', 'households'], rows);
    expect(issues.map((i) => i.rule)).toEqual(Array(25).fill('microdata_rows'));
    expect(issues[0]).toMatchObject({ row: 2, column: 'households', value: '1' });
  });

  it('when a column is named like personal data, in Vietnamese with or without diacritics', () => {
    expect(check(['Họ tên', 'CCCD', 'dia_chi', 'poor'], []).map((i) => i.column)).toEqual(['Họ tên', 'CCCD', 'dia_chi']);
  });

  it.each([
    ['0912345678'],
    ['(0912) 345-678'],
    ['+84 (0) 912 345 678'],
    ['0203 3835 123'],
    ['+84912345678'],
    ['091.234.5678'],
    ['Nguyễn Văn A, SĐT 0987 654 321'],
    ['liên hệ chị Lan 0912-345-678'],
  ])('a phone number inside a text: %s', (text) => {
    expect(personalNumber(text)).toBe('phone');
    expect(check(['unit_code', 'note'], [{ unit_code: '06649', note: text }]).map((i) => i.rule)).toEqual(['microdata_value']);
  });

  it.each([['Trần Văn B, CCCD 022190001234'], ['022190001234'], ['Lò Thị C (CMND 123456789)'], ['số căn cước: 001 090 001 234']])(
    'an ID-card number inside a text: %s',
    (text) => {
      expect(personalNumber(text)).toBe('id');
    },
  );

  it.each([['Hộ Nguyễn Văn A'], ['Gia đình bà Lò Thị Mai'], ['Hộ gia đình Trần Văn Bình'], ['Ông Nguyễn Văn Ba']])(
    'a unit named like a household: %s',
    (name) => {
      expect(namesAHousehold(name)).toBe(true);
      expect(check(['unit_code', 'unit_name'], [{ unit_code: '06649', unit_name: name }]).map((i) => i.rule)).toEqual(['microdata_name']);
    },
  );

  it('but not for aggregates, places, years, codes or article numbers', () => {
    for (const name of ['Bà Rịa', 'Xã Ba Chẽ', 'Phường Hà Khánh', 'Thôn Hộ Độ', 'Hộ Độ']) expect(namesAHousehold(name), name).toBe(false);
    for (const text of [
      'einpresswire 605605342',
      'năm 2022 2023 2024',
      '06649;06652',
      '258 hộ, 0,067%',
      '1.234.567.890',
      'NQ 1679/NQ-UBTVQH15, khoản 41',
    ]) {
      expect(personalNumber(text), text).toBeNull();
    }
    expect(
      check(
        ['unit_code', 'households', 'source_url'],
        [{ unit_code: '06649', households: '4532', source_url: 'https://x.vn/post-0912345678.html' }],
      ),
    ).toEqual([]);
  });
});
