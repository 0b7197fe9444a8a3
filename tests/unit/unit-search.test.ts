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
});
