import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, segmentCrossesBox } from '../../src/lib/charts/collision.ts';

const box = { left: 10, right: 20, top: 10, bottom: 20 };

describe('what a label covers', () => {
  it.each([
    ['a segment through the box', { x1: 0, y1: 15, x2: 30, y2: 15 }, true],
    ['a segment wholly inside it', { x1: 12, y1: 12, x2: 18, y2: 18 }, true],
    ['a segment ending inside it', { x1: 0, y1: 0, x2: 15, y2: 15 }, true],
    ['a vertical segment through it', { x1: 15, y1: 0, x2: 15, y2: 30 }, true],
    ['a segment above it', { x1: 0, y1: 5, x2: 30, y2: 5 }, false],
    ['a segment stopping short of it', { x1: 0, y1: 15, x2: 9, y2: 15 }, false],
    ['a diagonal passing its corner', { x1: 0, y1: 12, x2: 12, y2: 0 }, false],
    ['a point inside it', { x1: 15, y1: 15, x2: 15, y2: 15 }, true],
  ])('%s', (_, segment, crosses) => {
    expect(segmentCrossesBox(segment, box)).toBe(crosses);
  });

  it('a segment crosses a box exactly when a point of it lies in the box (sampled every 0,04 px at most)', () => {
    const at = fc.integer({ min: 0, max: 30 });
    const sampled = (x1: number, y1: number, x2: number, y2: number, margin: number) =>
      Array.from({ length: 1001 }, (_, k) => k / 1000).some((t) => {
        const [x, y] = [x1 + (x2 - x1) * t, y1 + (y2 - y1) * t];
        return x >= box.left - margin && x <= box.right + margin && y >= box.top - margin && y <= box.bottom + margin;
      });
    fc.assert(
      fc.property(at, at, at, at, (x1, y1, x2, y2) => {
        const crosses = segmentCrossesBox({ x1, y1, x2, y2 }, box);
        if (sampled(x1, y1, x2, y2, 0)) expect(crosses).toBe(true);
        if (crosses) expect(sampled(x1, y1, x2, y2, 0.05)).toBe(true);
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('boxes edge to edge do not overlap; boxes sharing more than half a pixel do', () => {
    expect(boxesOverlap(box, { left: 20, right: 30, top: 10, bottom: 20 })).toBe(false);
    expect(boxesOverlap(box, { left: 19.4, right: 30, top: 10, bottom: 20 })).toBe(true);
    expect(boxesOverlap(box, { left: 0, right: 30, top: 20.0000001, bottom: 30 })).toBe(false);
  });
});
