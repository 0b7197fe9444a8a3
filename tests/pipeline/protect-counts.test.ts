import { afterAll, describe, expect, it, vi } from 'vitest';
import { roundControlled } from '../../src/pipeline/controlled-rounding.ts';
import { loadDataset } from '../../src/pipeline/load-dataset.ts';
import { stopLpWorkers } from '../../src/pipeline/lp-pool.ts';
import { protectCounts } from '../../src/pipeline/protect-counts.ts';

// Watched, to see what each draw of the rounding is given.
vi.mock('../../src/pipeline/controlled-rounding.ts', async (original) => {
  const actual = await original<typeof import('../../src/pipeline/controlled-rounding.ts')>();
  return { ...actual, roundControlled: vi.fn(actual.roundControlled) };
});

afterAll(stopLpWorkers);

describe('a protection width no rounding can give', () => {
  it('is refused after every draw of the rounding, each draw kept to every identity and bound, saying what to change', async () => {
    const { dataset } = await loadDataset('data/nui-may');
    const base = dataset!.meta.disclosure_threshold;
    // A count published rounded lies within a base of it on either side: a range of 2·(base − 1) at most.
    const impossible = { ...dataset!, meta: { ...dataset!.meta, disclosure_protection_width: 2 * base } };
    await expect(protectCounts(impossible)).rejects.toThrow(
      /after 5 draws of the rounding, \d+ counts can still be narrowed below the protection width; raise disclosure_threshold/,
    );
    // The first draw lets the relations go once it has its rows: the later ones are given them again.
    const given = vi.mocked(roundControlled).mock.calls.map(([input]) => [input.equalities.length, input.inequalities.length]);
    expect(given).toHaveLength(5);
    expect(given[0][0]).toBeGreaterThan(1000);
    expect(given[0][1]).toBeGreaterThan(100);
    expect(new Set(given.map((g) => g.join()))).toEqual(new Set([given[0].join()]));
  }, 120_000);
});
