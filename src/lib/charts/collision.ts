/** A rectangle on a chart, in its pixels: what a label covers, or a mark it must keep clear of. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A straight piece of a drawn line, from (x1, y1) to (x2, y2). */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A box around a point, `r` each way. */
export const around = (cx: number, cy: number, r: number): Box => ({ left: cx - r, right: cx + r, top: cy - r, bottom: cy + r });

/** Whether two boxes share more than a sliver (half a pixel: boxes placed edge to edge, in floating point, do not). */
export const boxesOverlap = (a: Box, b: Box) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** How much of two boxes is shared, in square pixels. */
export const sharedArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** Whether any part of a segment lies inside a box (Liang–Barsky: the segment clipped to the box is not empty). */
export function segmentCrossesBox(s: Segment, b: Box): boolean {
  const [dx, dy] = [s.x2 - s.x1, s.y2 - s.y1];
  let [from, to] = [0, 1];
  const sides: [number, number][] = [
    [-dx, s.x1 - b.left],
    [dx, b.right - s.x1],
    [-dy, s.y1 - b.top],
    [dy, b.bottom - s.y1],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) from = Math.max(from, t);
    else to = Math.min(to, t);
    if (from > to) return false;
  }
  return true;
}

/** Whether a box stays clear of every segment and every other box. */
export const clearOf = (box: Box, segments: Segment[], boxes: Box[]) =>
  !segments.some((s) => segmentCrossesBox(s, box)) && !boxes.some((b) => boxesOverlap(box, b));
