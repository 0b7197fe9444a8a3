import { describe, expect, it } from 'vitest';
import {
  capitalized,
  uncapitalized,
  yearSpan,
  formatBytes,
  formatDate,
  formatNumber,
  formatPercent,
  formatSigned,
} from '../../src/lib/format.ts';

describe('numbers and dates follow the locale', () => {
  it('uses the Vietnamese convention on Vietnamese pages', () => {
    expect(formatNumber('vi', 1234.5, 1)).toBe('1.234,5');
    expect(formatNumber('vi', 384700)).toBe('384.700');
    expect(formatPercent('vi', 0.067)).toBe('0,067%');
    expect(formatDate('vi', '2021-11-24')).toBe('24/11/2021');
  });

  it('uses the English convention on English pages', () => {
    expect(formatNumber('en', 1234.5, 1)).toBe('1,234.5');
    expect(formatPercent('en', 0.797)).toBe('0.797%');
    expect(formatDate('en', '2021-11-24')).toBe('24 Nov 2021');
  });

  it('keeps missing values missing, and signs changes', () => {
    expect(formatNumber('vi', null)).toBeNull();
    expect(formatSigned('vi', -1200)).toBe('−1.200');
    expect(formatSigned('en', 400)).toBe('+400');
    expect(formatBytes('vi', 44432)).toBe('43,4 KB');
  });

  it('says a span of years as a title does, one year once', () => {
    expect(yearSpan([2021, 2022, 2025])).toBe('2021–2025');
    expect(yearSpan([2025, 2021])).toBe('2021–2025');
    expect(yearSpan([2023])).toBe('2023');
  });

  it('capitalises a phrase that starts a cell, Vietnamese letters included', () => {
    expect(capitalized('vi', 'thẻ BHYT')).toBe('Thẻ BHYT');
    expect(capitalized('vi', 'đào tạo')).toBe('Đào tạo');
    expect(capitalized('en', 'BHYT cards')).toBe('BHYT cards');
    expect(capitalized('vi', '')).toBe('');
  });

  it('puts a label in the middle of a sentence, an abbreviation as it is', () => {
    expect(uncapitalized('vi', 'Tỷ lệ hộ nghèo')).toBe('tỷ lệ hộ nghèo');
    expect(uncapitalized('vi', 'Đào tạo')).toBe('đào tạo');
    expect(uncapitalized('en', 'Poverty rate')).toBe('poverty rate');
    expect(uncapitalized('vi', 'BHYT')).toBe('BHYT');
    expect(uncapitalized('en', 'BHYT card coverage')).toBe('BHYT card coverage');
  });
});

describe('a target value with its unit', () => {
  it('writes "%" against the number, as the plan and CLDR do, and never starts a line with it', async () => {
    const { formatTargetValue } = await import('../../src/lib/target-format.ts');
    expect(formatTargetValue('vi', 97.74, '%')).toBe('97,74%');
    expect(formatTargetValue('en', 100, '%')).toBe('100%');
    expect(formatTargetValue('vi', 0.11, 'percentage points')).toBe('0,11 điểm\u00a0%');
    expect(formatTargetValue('en', 0.11, 'percentage points')).toBe('0.11 percentage points');
    expect(formatTargetValue('vi', 400, 'households')).toBe('400 hộ');
    expect(formatTargetValue('vi', -90, 'households')).toBe('−90 hộ');
  });

  it('marks a goal to stay at or under with ≤, and writes a goal to reach as its number', async () => {
    const { formatTargetGoal } = await import('../../src/lib/target-format.ts');
    expect(formatTargetGoal('vi', { value: 3, unit: '%', comparator: '<=' })).toBe('≤\u00a03%');
    expect(formatTargetGoal('en', { value: 400, unit: 'households', comparator: '>=' })).toBe('400 households');
  });
});

describe('a target for every district or commune says whose result it shows', () => {
  it('names the unit and year that decide it, in the reader language, and says nothing for the province', async () => {
    const { targetScopeNote } = await import('../../src/lib/target-format.ts');
    const status = { year: 2024 };
    expect(targetScopeNote('vi', { scope: 'district', decidedBy: 'Huyện Ba Chẽ', status })).toBe(
      'Chỉ tiêu cho từng huyện: kết quả là của huyện xa chỉ tiêu nhất (Huyện Ba Chẽ, 2024)',
    );
    expect(targetScopeNote('en', { scope: 'commune', decidedBy: null, status: { year: null } })).toBe(
      'A target for every commune: the result is that of the commune furthest from it',
    );
    expect(targetScopeNote('vi', { scope: 'province', decidedBy: null, status })).toBe('');
  });
});
