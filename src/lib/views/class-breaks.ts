import { ticks } from 'd3';

/**
 * Class breaks for a choropleth of small rates: round numbers spanning the data, so that
 * Quảng Ninh's rates (well under 1%) still spread over several classes.
 */
export function classBreaks(values: (number | null)[], classes = 5): number[] {
  const present = values.filter((v): v is number => v != null);
  const top = Math.max(0, ...present);
  if (top === 0) return [0.01];
  return ticks(0, top, classes).filter((t) => t > 0 && t < top).slice(0, classes - 1);
}
