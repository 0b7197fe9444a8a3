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

/** The part of a chart a break's label may use: the plot's left edge and top, its floor, the last year's x and the chart's width. */
export interface PlotFrame {
  left: number;
  top: number;
  floor: number;
  lastX: number;
  width: number;
}

/** What a break's label covers, with its box of the background's colour. */
export const breakBox = ({ at }: BreakLabel): Box => ({ left: at.from - 2, right: at.to + 2, top: at.top - 11, bottom: at.bottom + 4 });

/**
 * A break's label after or before its line, wrapped to `room`, no higher than `highest` and below
 * the labels before it that it would otherwise run into (a merger a year after a change of standard).
 */
function labelled(b: Break, placed: BreakLabel[], after: boolean, room: number, highest: number): BreakLabel {
  const lines = wrapChartText(b.label, room, 12);
  const lx = after ? b.bx + 4 : b.bx - 4;
  const extent = Math.max(...lines.map((l) => chartTextWidth(l, 12)));
  const [from, to] = after ? [lx, lx + extent] : [lx - extent, lx];
  const top = Math.max(highest, ...placed.filter((p) => p.at.from < to && from < p.at.to).map((p) => p.at.bottom + 14));
  return { after, lines, lx, at: { from, to, top, bottom: top + (lines.length - 1) * 14 } };
}

/** Where a break's label usually goes: beside its line on the side with more room, wrapped to that room. */
function usual(b: Break, placed: BreakLabel[], f: PlotFrame, highest = f.top + 10): BreakLabel {
  // Within the plot on the left: a label over the axis would hide its numbers.
  const after = f.width - b.bx - 4 >= b.bx - f.left - 4;
  return labelled(b, placed, after, (after ? f.width - b.bx : b.bx - f.left) - 8, highest);
}

/** The labels of the breaks where they usually go, one after another. */
export function usualBreakLabels(breaks: Break[], f: PlotFrame): BreakLabel[] {
  const placed: BreakLabel[] = [];
  for (const b of breaks) placed.push(usual(b, placed, f));
  return placed;
}

/**
 * Each break's label where it usually goes, unless it would cover one of `named` (the names of
 * the lines): then just below one of them, or within the plot after or before its line (where
 * that breaks no word), the first such place that covers none; else the one that covers least.
 */
export function placeBreakLabels(breaks: Break[], f: PlotFrame, named: Box[]): BreakLabel[] {
  const placed: BreakLabel[] = [];
  const covering = (l: BreakLabel) => named.reduce((sum, c) => sum + sharedArea(c, breakBox(l)), 0);
  for (const b of breaks) {
    // Where it usually goes, if that covers nothing (on nearly every chart): no other place is tried.
    const first = usual(b, placed, f);
    if (first.at.bottom <= f.floor && covering(first) === 0) {
      placed.push(first);
      continue;
    }
    const [inside, before] = [f.lastX - b.bx - 8, b.bx - f.left - 8];
    const longestWord = Math.max(...b.label.split(/\s+/).map((w) => chartTextWidth(w, 12)));
    const ways = [
      (highest?: number) => usual(b, placed, f, highest),
      ...(inside >= longestWord ? [(highest = f.top + 10) => labelled(b, placed, true, inside, highest)] : []),
      ...(before >= longestWord ? [(highest = f.top + 10) => labelled(b, placed, false, before, highest)] : []),
    ];
    const [label = first] = ways
      .flatMap((way) => [way(), ...named.map((c) => way(c.bottom + 11)).sort((p, q) => p.at.top - q.at.top)])
      .filter((l) => l.at.bottom <= f.floor)
      .map((l) => ({ l, covers: covering(l) }))
      .sort((p, q) => p.covers - q.covers)
      .map(({ l }) => l);
    placed.push(label);
  }
  return placed;
}
