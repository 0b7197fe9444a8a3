import { describe, expect, it } from 'vitest';
import { type PublishedPeriod, unitHistory } from '../../src/lib/unit-history.ts';

const period = (p: Partial<PublishedPeriod> & Pick<PublishedPeriod, 'unit_name' | 'valid_from'>): PublishedPeriod => ({
  unit_type: 'Phường',
  district_code: null,
  district_name: null,
  valid_to: null,
  predecessor_codes: null,
  ...p,
});
const HA_LONG = { district_code: '193', district_name: 'Thành phố Hạ Long' };

/** Quảng Ninh's units around 06652: Hà Phong kept its code when it and Hà Tu became the new Hà Tu. */
const PERIODS: Record<string, PublishedPeriod[]> = {
  '06652': [
    period({ unit_name: 'Phường Hà Phong', ...HA_LONG, valid_from: '2020-01-01', valid_to: '2025-06-30' }),
    period({ unit_name: 'Phường Hà Tu', valid_from: '2025-07-01', predecessor_codes: '06652;06664' }),
  ],
  '06664': [period({ unit_name: 'Phường Hà Tu', ...HA_LONG, valid_from: '2020-01-01', valid_to: '2025-06-30' })],
  // Renamed and moved to a new district without merging (a town becoming a city): one place throughout.
  '07090': [
    period({
      unit_name: 'Xã Bình Khê',
      unit_type: 'Xã',
      district_code: '205',
      district_name: 'Thị xã Đông Triều',
      valid_from: '2020-01-01',
      valid_to: '2024-10-31',
    }),
    period({
      unit_name: 'Phường Bình Khê',
      district_code: '205',
      district_name: 'Thành phố Đông Triều',
      valid_from: '2024-11-01',
      valid_to: '2025-06-30',
      predecessor_codes: '07090',
    }),
  ],
};
const periodsOf = (code: string) => PERIODS[code] ?? [];
const YEARS = [2021, 2022, 2023, 2024, 2025];

describe('what a unit code was over the years', () => {
  it('a code kept by a new unit: the new unit, what it was formed from, its old name, and a break in the line', () => {
    const h = unitHistory('06652', YEARS, periodsOf)!;
    expect(h.current.unit_name).toBe('Phường Hà Tu');
    expect(h.formed).toEqual({
      since: '2025-07-01',
      from: [
        { code: '06652', name: 'Phường Hà Phong' },
        { code: '06664', name: 'Phường Hà Tu' },
      ],
    });
    expect(h.earlier).toEqual([{ name: 'Phường Hà Phong', districtCode: '193', districtName: 'Thành phố Hạ Long', until: '2025-06-30' }]);
    expect(h.breaks).toEqual([{ year: 2025, since: '2025-07-01' }]);
  });

  it('a unit that ended: nothing earlier, no break; its figures are the years it existed', () => {
    const h = unitHistory('06664', YEARS, periodsOf)!;
    expect(h.current.unit_name).toBe('Phường Hà Tu');
    expect([h.formed, h.earlier, h.breaks]).toEqual([null, [], []]);
  });

  it('a rename is the same place: its old name is told, the line goes on', () => {
    const h = unitHistory('07090', [2021, 2022, 2023, 2024], periodsOf)!;
    expect(h.current.unit_name).toBe('Phường Bình Khê');
    expect(h.formed).toBeNull();
    expect(h.earlier).toEqual([{ name: 'Xã Bình Khê', districtCode: '205', districtName: 'Thị xã Đông Triều', until: '2024-10-31' }]);
    expect(h.breaks).toEqual([]);
  });

  it('only the years a code has figures for: a code with figures before its merger only is the old unit', () => {
    const h = unitHistory('06652', [2021, 2022], periodsOf)!;
    expect(h.current.unit_name).toBe('Phường Hà Phong');
    expect([h.formed, h.earlier, h.breaks]).toEqual([null, [], []]);
    expect(unitHistory('99999', YEARS, periodsOf)).toBeNull();
  });
});
