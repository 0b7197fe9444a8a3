import { describe, expect, it } from 'vitest';
import { targetStatus } from '../../src/lib/target-status.ts';

describe('target status', () => {
  it('is the published verdict of its year once that year has data, on track or behind before it, else no data', () => {
    expect(targetStatus(2022, [{ year: 2022, actual: 100, status: 'met' }]).status).toBe('met');
    expect(targetStatus(2022, [{ year: 2022, actual: 97.7, status: 'not_met' }]).status).toBe('not_met');
    expect(targetStatus(2025, [{ year: 2023, actual: 100, status: 'met' }]).status).toBe('on_track');
    expect(
      targetStatus(2025, [
        { year: 2022, actual: 100, status: 'met' },
        { year: 2023, actual: 90, status: 'not_met' },
      ]).status,
    ).toBe('behind');
    expect(targetStatus(2022, [{ year: 2022, actual: null, status: 'no_data' }]).status).toBe('no_data');
  });
});
