import { ticks } from 'd3';

/** The first break when zeros get a class of their own: anything above it is "more than none". */
export const ZERO_BREAK = 1e-9;

/**
 * Class breaks for a choropleth of small rates: round numbers spanning the positive values, so
 * that Quảng Ninh's rates (well under 1%) still spread over several classes, and a class of its
 * own for zero when there are zeros, so that "none" never looks like "a few".
 */
export function classBreaks(values: (number | null)[], classes = 5): number[] {
  const present = values.filter((v): v is number => v != null);
  const top = Math.max(0, ...present);
  if (top === 0) return [];
  const zeros = present.some((v) => v === 0);
  const steps = ticks(0, top, zeros ? classes - 1 : classes).filter((t) => t > 0 && t < top).slice(0, zeros ? classes - 2 : classes - 1);
  return zeros ? [ZERO_BREAK, ...steps] : steps;
}
