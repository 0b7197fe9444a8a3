import { quantileSorted } from 'd3';

/** The first break when zeros get a class of their own: anything above it is "more than none". */
export const ZERO_BREAK = 1e-9;

/** A break rounded to two significant digits (0,137 → 0,14; 23,4 → 23): round enough to read, close enough to the data. */
export function roundBreak(x: number): number {
  if (x <= 0) return x;
  const magnitude = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.round(x / magnitude) * magnitude;
}

/**
 * Class breaks for a choropleth that follow the distribution of the values: quantiles of the
 * positive values, rounded, so that a province at 0–2 % and one at 5–60 % both spread over
 * every class. Zero gets a class of its own when there are zeros, so that "none" never looks
 * like "a few". A break that would leave a class empty is dropped. Pass every year of an
 * indicator at once, so that a colour means the same in every year.
 */
export function classBreaks(values: (number | null)[], classes = 5): number[] {
  const positive = values.filter((v): v is number => v != null && v > 0).sort((a, b) => a - b);
  const zeros = values.some((v) => v === 0);
  if (positive.length === 0) return [];
  const wanted = zeros ? classes - 1 : classes;
  const candidates = Array.from({ length: wanted - 1 }, (_, i) => roundBreak(quantileSorted(positive, (i + 1) / wanted)!));
  const breaks: number[] = [];
  let below = 0;
  for (const b of [...new Set(candidates)].sort((x, y) => x - y)) {
    const inClass = positive.filter((v) => v < b).length - below;
    const above = positive.filter((v) => v >= b).length;
    if (inClass > 0 && above > 0) {
      breaks.push(b);
      below += inClass;
    }
  }
  return zeros ? [ZERO_BREAK, ...breaks] : breaks;
}
