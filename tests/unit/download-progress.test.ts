import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transferProgress } from '../../src/lib/download-progress.ts';

describe('transferProgress', () => {
  it('counts a compressed download in the bytes sent, ending exactly at their size', () => {
    expect(transferProgress(0, 3_900_000, 21_600_000)).toEqual({ loaded: 0, total: 3_900_000 });
    expect(transferProgress(10_800_000, 3_900_000, 21_600_000)).toEqual({ loaded: 1_950_000, total: 3_900_000 });
    expect(transferProgress(21_600_000, 3_900_000, 21_600_000)).toEqual({ loaded: 3_900_000, total: 3_900_000 });
  });

  it('takes the decoded size as the total where the response gives none, and the counts as given where the size is unknown', () => {
    expect(transferProgress(5_000, 0, 20_000)).toEqual({ loaded: 5_000, total: 20_000 });
    expect(transferProgress(5_000, 4_000, 0)).toEqual({ loaded: 5_000, total: 4_000 });
  });

  it('never goes past the total, and never goes back as more bytes arrive', () => {
    fc.assert(
      fc.property(fc.nat(1e8), fc.nat(1e8), fc.integer({ min: 1, max: 1e8 }), fc.nat(1e8), (a, b, size, sent) => {
        const [low, high] = [Math.min(a, b), Math.max(a, b)];
        const [p, q] = [transferProgress(low, sent, size), transferProgress(high, sent, size)];
        expect(q.loaded).toBeGreaterThanOrEqual(p.loaded);
        expect(q.loaded).toBeLessThanOrEqual(q.total);
      }),
    );
  });
});
