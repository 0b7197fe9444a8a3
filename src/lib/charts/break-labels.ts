import { type Box, sharedArea } from './collision.ts';
import { chartTextWidth, wrapChartText } from '../text-measure.ts';

/** A break on a line chart's time axis (a standard changed, a commune merged), at `bx` px. */
export interface Break {
  label: string;
  bx: number;
}

/** Where a break's label is written: its lines, the x its lines start or end at, and the room they take. */
export interface BreakLabel {
  after: boolean;
  lines: string[];
  lx: number;
  at: { from: number; to: number; top: number; bottom: number };
}

/** What a break's label covers, with its box of the background's colour. */
export const breakBox = ({ at }: BreakLabel): Box => ({ left: at.from - 2, right: at.to + 2, top: at.top - 11, bottom: at.bottom + 4 });

/**
 * A break's label after or before its line, wrapped to `room`, no higher than `highest` (by default
 * just under the plot's top) and below the labels before it that it would otherwise run into (a
 * merger a year after a change of standard). `plot` is the plot's box, its right edge the last year.
 */
function labelled(b: Break, placed: BreakLabel[], plot: Box, after: boolean, room: number, highest = plot.top + 10): BreakLabel {
  const lines = wrapChartText(b.label, room, 12);
  const lx = after ? b.bx + 4 : b.bx - 4;
  const extent = Math.max(...lines.map((l) => chartTextWidth(l, 12)));
  const [from, to] = after ? [lx, lx + extent] : [lx - extent, lx];
  const top = Math.max(highest, ...placed.filter((p) => p.at.from < to && from < p.at.to).map((p) => p.at.bottom + 14));
  return { after, lines, lx, at: { from, to, top, bottom: top + (lines.length - 1) * 14 } };
}

/**
 * Where a break's label usually goes: beside its line on the side with more room, wrapped to that
 * room, which runs on the right to the chart's `width` (past the plot, over the lines' names).
 */
function usual(b: Break, placed: BreakLabel[], plot: Box, width: number, highest?: number): BreakLabel {
  // Within the plot on the left: a label over the axis would hide its numbers.
  const after = width - b.bx - 4 >= b.bx - plot.left - 4;
  return labelled(b, placed, plot, after, (after ? width - b.bx : b.bx - plot.left) - 8, highest);
}

/** The labels of the breaks where they usually go, one after another. */
export function usualBreakLabels(breaks: Break[], plot: Box, width: number): BreakLabel[] {
  const placed: BreakLabel[] = [];
  for (const b of breaks) placed.push(usual(b, placed, plot, width));
  return placed;
}

/**
 * Each break's label where it usually goes, unless it would cover one of `named` (the names of
 * the lines): then just below one of them, or within the plot after or before its line (where
 * that breaks no word), the first such place that covers none; else the one that covers least.
 */
export function placeBreakLabels(breaks: Break[], plot: Box, width: number, named: Box[]): BreakLabel[] {
  const placed: BreakLabel[] = [];
  const covering = (l: BreakLabel) => named.reduce((sum, c) => sum + sharedArea(c, breakBox(l)), 0);
  for (const b of breaks) {
    // Where it usually goes, if that covers nothing (on nearly every chart): no other place is tried.
    const first = usual(b, placed, plot, width);
    if (first.at.bottom <= plot.bottom && covering(first) === 0) {
      placed.push(first);
      continue;
    }
    const [inside, before] = [plot.right - b.bx - 8, b.bx - plot.left - 8];
    const longestWord = Math.max(...b.label.split(/\s+/).map((w) => chartTextWidth(w, 12)));
    const ways = [
      (highest?: number) => usual(b, placed, plot, width, highest),
      ...(inside >= longestWord ? [(highest?: number) => labelled(b, placed, plot, true, inside, highest)] : []),
      ...(before >= longestWord ? [(highest?: number) => labelled(b, placed, plot, false, before, highest)] : []),
    ];
    const [label = first] = ways
      .flatMap((way) => [way(), ...named.map((c) => way(c.bottom + 11)).sort((p, q) => p.at.top - q.at.top)])
      .filter((l) => l.at.bottom <= plot.bottom)
      .map((l) => ({ l, covers: covering(l) }))
      .sort((p, q) => p.covers - q.covers)
      .map(({ l }) => l);
    placed.push(label);
  }
  return placed;
}
