import { randomLcg, randomNormal } from 'd3';

/** A seeded source of randomness: the same seed gives the same numbers on every machine. */
export interface Rng {
  uniform(): number;
  normal(mean: number, sd: number): number;
  /** A small non-negative integer with the given mean (Poisson by inversion; fine for means < 50). */
  count(mean: number): number;
}

export function createRng(seed: number): Rng {
  const source = randomLcg(seed);
  const normal = randomNormal.source(source);
  return {
    uniform: () => source(),
    normal: (mean, sd) => normal(mean, sd)(),
    count(mean) {
      if (mean <= 0) return 0;
      const limit = Math.exp(-Math.min(mean, 50));
      let k = 0;
      let p = source();
      while (p > limit) {
        k += 1;
        p *= source();
      }
      return k;
    },
  };
}

/**
 * Splits an integer total across weights so that the parts sum exactly to the total
 * (largest remainder; ties broken by order, so the result is deterministic).
 */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}
