import { describe, expect, it } from 'vitest';
import { nameMatches, searchKey } from '../../src/lib/unit-search.ts';

const names = ['Phường Hà Khánh', 'Phường Hà Khẩu', 'Xã Đồng Văn', 'Huyện Đầm Hà'];
const find = (query: string) => names.filter((n) => nameMatches(n, query));

describe('finding a unit by name, typed without diacritics', () => {
  it('folds tone marks, đ and case', () => {
    expect(searchKey('Phường Hà Khánh')).toBe('phuong ha khanh');
    expect(searchKey('  ĐỒNG  văn ')).toBe('dong van');
  });

  it('finds "ha khanh" and "Hà Khánh" alike, and every word must match the start of a word', () => {
    expect(find('ha khanh')).toEqual(['Phường Hà Khánh']);
    expect(find('Hà Khánh')).toEqual(['Phường Hà Khánh']);
    expect(find('ha kh')).toEqual(['Phường Hà Khánh', 'Phường Hà Khẩu']);
    expect(find('dong van')).toEqual(['Xã Đồng Văn']);
    expect(find('an')).toEqual([]);
    expect(find('   ')).toEqual([]);
  });

  it('finds a name with an apostrophe however it is typed: with one, without, or as a space', () => {
    const highland = ["Huyện Ea H'Leo", 'Xã Đắk R’Lấp', 'Xã Ea Hiao', 'Xã Ia Hrú'];
    const found = (query: string) => highland.filter((n) => nameMatches(n, query));
    for (const query of ["ea h'leo", 'Ea Hleo', 'hleo', 'ea h leo', 'H’Leo']) expect(found(query), query).toEqual(["Huyện Ea H'Leo"]);
    for (const query of ["dak r'lap", 'Đắk Rlấp', 'rlap', 'dak r lap', 'R`LAP']) expect(found(query), query).toEqual(['Xã Đắk R’Lấp']);
    expect(found('ea h')).toEqual(["Huyện Ea H'Leo", 'Xã Ea Hiao']);
    expect(found('hr')).toEqual(['Xã Ia Hrú']);
  });
});
