import { type Box, clearOf, type Segment } from './collision.ts';

/** Where a line's name is written: its first line centred on `y`, starting or ending at `x`, and what it covers. */
export interface LabelSpot {
  x: number;
  y: number;
  anchor: 'start' | 'end';
  box: Box;
}

/**
 * What 12-px text of lines `extra` px apart covers, its first line centred at `y` (dominant-baseline
 * middle) and starting or ending at `x`, with a pixel or two to spare.
 */
export const labelBox = (x: number, y: number, anchor: 'start' | 'end', w: number, extra: number): Box => ({
  left: (anchor === 'start' ? x : x - w) - 2,
  right: (anchor === 'start' ? x + w : x) + 2,
  top: y - 8,
  bottom: y + extra + 8,
});

/**
 * The first line's y of each label in a column beside the lines' ends, given lowest end first:
 * each centred on its end where it can be, at least 15 px from the next, none above the chart's
 * top or below `floor`.
 */
export function stackedInColumn(ends: { id: string; at: number; extra: number }[], floor: number): Map<string, number> {
  const first = new Map<string, number>();
  // From the lowest up: each label centred on its line's end, its last line at least 15 px above
  // the first line of the label below, and no lower than the plot's bottom (the year under the
  // last point is beside it)…
  let ceiling = Number.POSITIVE_INFINITY;
  for (const e of ends) {
    const y = Math.max(8, Math.min(e.at - e.extra / 2, ceiling - 15 - e.extra, floor - e.extra));
    first.set(e.id, y);
    ceiling = y;
  }
  // …then from the highest down: labels held at the top of the chart by many lines ending near it
  // move down below one another instead of piling up there.
  let above = Number.NEGATIVE_INFINITY;
  for (const e of [...ends].reverse()) {
    const y = Math.max(first.get(e.id)!, above + 15);
    first.set(e.id, y);
    above = y + e.extra;
  }
  return first;
}

/**
 * A place for the name of a line that stops at (px, py) before the others: beside its last point,
 * else under or over it, the first inside `area` that crosses no segment and covers no box.
 */
export function besidePoint(
  px: number,
  py: number,
  w: number,
  extra: number,
  area: Box,
  segments: Segment[],
  taken: Box[],
): LabelSpot | undefined {
  const tries = [
    { x: px + 8, y: py - extra / 2, anchor: 'start' },
    { x: px + 4, y: py + 16, anchor: 'end' },
    { x: px + 4, y: py - 16 - extra, anchor: 'end' },
    { x: px - 4, y: py + 16, anchor: 'start' },
    { x: px - 4, y: py - 16 - extra, anchor: 'start' },
  ] as const;
  return tries
    .map((t) => ({ ...t, box: labelBox(t.x, t.y, t.anchor, w, extra) }))
    .find(
      ({ box }) =>
        box.left >= area.left &&
        box.right <= area.right &&
        box.top >= area.top &&
        box.bottom <= area.bottom &&
        clearOf(box, segments, taken),
    );
}
