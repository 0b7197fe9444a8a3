import { describe, expect, it } from 'vitest';
import { startingLine, unitInDistrict } from '../../src/lib/place.ts';

describe('naming a unit where it stands', () => {
  it('names a commune with its district, as two communes of one name in different districts must be told apart', () => {
    expect(unitInDistrict({ unit_name: 'Xã Tân Lập', district_name: 'Huyện Đan Phượng' }, 'commune')).toBe('Xã Tân Lập, Huyện Đan Phượng');
    expect(unitInDistrict({ unit_name: 'Xã Tân Lập', district_name: 'Huyện Sơn Dương' }, 'commune')).toBe('Xã Tân Lập, Huyện Sơn Dương');
  });

  it('names a district, or a commune of after 1 July 2025 that has none, alone', () => {
    expect(unitInDistrict({ unit_name: 'Huyện Ba Chẽ', district_name: 'Huyện Ba Chẽ' }, 'district')).toBe('Huyện Ba Chẽ');
    expect(unitInDistrict({ unit_name: 'Phường Hà Tu', district_name: null }, 'commune')).toBe('Phường Hà Tu');
  });

  it('starts a line with a capital, Vietnamese letters too', () => {
    expect(startingLine('tỉnh Quảng Ninh')).toBe('Tỉnh Quảng Ninh');
    expect(startingLine('đặc khu Vân Đồn')).toBe('Đặc khu Vân Đồn');
    expect(startingLine('Quảng Ninh')).toBe('Quảng Ninh');
  });
});
