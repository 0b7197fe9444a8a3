import { describe, expect, it } from 'vitest';
import { findUnits, searchKey } from '../../src/lib/unit-search.ts';

const units = [
  { name: 'Phường Hà Khánh', district: 'Thành phố Hạ Long', path: 'communes/06649/' },
  { name: 'Phường Hà Khẩu', district: 'Thành phố Hạ Long', path: 'communes/06655/' },
  { name: 'Xã Đồng Văn', district: 'Huyện Bình Liêu', path: 'communes/07003/' },
  { name: 'Huyện Đầm Hà', district: null, path: 'districts/205/' },
];

describe('finding a unit by name, typed without diacritics', () => {
  it('folds tone marks, đ and case', () => {
    expect(searchKey('Phường Hà Khánh')).toBe('phuong ha khanh');
    expect(searchKey('  ĐỒNG  văn ')).toBe('dong van');
  });

  it('finds "ha khanh" and "Hà Khánh" alike, and every word must match the start of a word', () => {
    expect(findUnits(units, 'ha khanh').map((u) => u.name)).toEqual(['Phường Hà Khánh']);
    expect(findUnits(units, 'Hà Khánh').map((u) => u.name)).toEqual(['Phường Hà Khánh']);
    expect(findUnits(units, 'ha kh').map((u) => u.name)).toEqual(['Phường Hà Khánh', 'Phường Hà Khẩu']);
    expect(findUnits(units, 'dong van').map((u) => u.path)).toEqual(['communes/07003/']);
    expect(findUnits(units, 'an')).toEqual([]);
    expect(findUnits(units, '   ')).toEqual([]);
  });

  it('puts names that start with the words first, and stops at the limit', () => {
    expect(findUnits(units, 'ha').map((u) => u.name)).toEqual(['Huyện Đầm Hà', 'Phường Hà Khánh', 'Phường Hà Khẩu']);
    expect(findUnits(units, 'ha', 2)).toHaveLength(2);
  });
});
