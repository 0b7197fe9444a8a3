import { extent, max } from 'd3';
import { scaleLinear } from 'd3';
import { line } from 'd3';
import { escapeHtml } from '../escape.ts';
import { chartTextWidth, wrapChartText } from '../text-measure.ts';
import { el, frame, hitArea, LABEL_BOX, multiline, r1, type Chart } from './svg.ts';

export interface LineSeries {
  id: string;
  label: string;
  points: { x: number; y: number | null }[];
}

export interface LineChartOptions {
  id: string;
  title: string;
  description: string;
  format: (y: number) => string;
  /** Label for a point that has no value. */
  missingLabel: string;
  /** Marked with a dashed line; a break that `separates` also cuts every line there (it is not joined across). */
  breaks?: { x: number; label: string; separates?: boolean }[];
  /** A level to read the lines against, such as a target: a dashed horizontal line with its label. */
  reference?: { y: number; label: string };
  width?: number;
  height?: number;
}

const COLOURS = ['#1f5f99', '#c2571a', '#2f7d4f', '#7a4ea3'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];

/**
 * A line chart as SVG text. Each series is drawn on its own, gaps where values are missing;
 * every point is a focusable mark with its value spelled out for screen readers.
 */
export function lineChart(series: LineSeries[], o: LineChartOptions): Chart {
  const width = o.width ?? 640;
  const height = o.height ?? 300;
  // Room on the right for the widest end label, up to two fifths of the chart: a longer one is
  // wrapped to that room, so that a long label never squeezes the lines out on a phone.
  const room = Math.min(Math.max(74, ...series.map((s) => chartTextWidth(s.label, 12))), width * 0.4 - 16);
  const endLines = new Map(series.map((s) => [s.id, wrapChartText(s.label, room, 12)]));
  const top = max([...series.flatMap((s) => s.points.map((p) => p.y ?? 0)), o.reference?.y ?? 0]) ?? 1;
  const y = scaleLinear()
    .domain([0, top || 1])
    .nice(5);
  // Counts of households are whole: a tick at 0.5 household would be formatted as 0 or 1.
  const whole = series.every((s) => s.points.every((p) => p.y == null || Number.isInteger(p.y)));
  const ticks = y.ticks(5).filter((tick) => !whole || Number.isInteger(tick));
  // Where the tick labels share a long unit ("0,12 percentage points"), it is said once, above the
  // axis, and the ticks carry the numbers: a phone's width goes to the lines, not to the unit.
  const formatted = ticks.map((tick) => o.format(tick));
  const shared = sharedUnit(formatted);
  const unitOnce = shared != null && Math.max(...formatted.map((f) => chartTextWidth(f, 12))) + 12 > Math.max(56, width * 0.25);
  const tickLabels = unitOnce ? formatted.map((f) => f.slice(0, -shared.length)) : formatted;
  const unitLines = unitOnce ? wrapChartText(shared.trim(), width, 12) : [];
  const m = {
    top: 20 + unitLines.length * 14,
    right: room + 16,
    bottom: 32,
    left: Math.max(56, 12 + Math.max(0, ...tickLabels.map((f) => chartTextWidth(f, 12)))),
  };
  y.range([height - m.bottom, m.top]);
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  // A linear time axis, so that uneven gaps between years (2006, 2008, …, 2013) look uneven.
  const [lo, hi] = extent(xs) as [number, number];
  const pad = Math.max(0.3, (hi - lo) * 0.04);
  const x = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([m.left, width - m.right]);

  const grid =
    ticks
      .map((tick, i) =>
        el(
          'g',
          { class: 'tick' },
          el('line', { x1: m.left, x2: width - m.right, y1: y(tick), y2: y(tick), stroke: 'currentColor', 'stroke-opacity': 0.15 }) +
            el(
              'text',
              { x: m.left - 8, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-size': 12, fill: 'currentColor' },
              escapeHtml(tickLabels[i]),
            ),
        ),
      )
      .join('') + (unitLines.length ? multiline(unitLines, { x: 0, y: 12, 'font-size': 12, fill: 'currentColor', class: 'unit' }) : '');
  const axis = labelledXs(xs, x)
    .map((v) =>
      el('text', { x: x(v), y: height - m.bottom + 18, 'text-anchor': 'middle', 'font-size': 12, fill: 'currentColor' }, String(v)),
    )
    .join('');
  // Each label beside its line on the side with more room, wrapped to that room, and below the
  // labels before it that it would otherwise run into (a merger a year after a change of standard).
  const placed: { from: number; to: number; bottom: number }[] = [];
  const breaks = (o.breaks ?? [])
    .filter((b) => b.x > lo)
    .sort((a, b) => a.x - b.x)
    .map((b) => {
      const i = xs.indexOf(b.x);
      const bx = i > 0 ? (x(xs[i - 1]) + x(b.x)) / 2 : x(b.x);
      const after = width - bx - 4 >= bx - m.left - 4;
      // Within the plot on the left: a label over the axis would hide its numbers.
      const lines = wrapChartText(b.label, (after ? width - bx : bx - m.left) - 8, 12);
      const lx = after ? bx + 4 : bx - 4;
      const extent = Math.max(...lines.map((l) => chartTextWidth(l, 12)));
      const [from, to] = after ? [lx, lx + extent] : [lx - extent, lx];
      const top = Math.max(m.top + 10, ...placed.filter((p) => p.from < to && from < p.to).map((p) => p.bottom + 14));
      placed.push({ from, to, bottom: top + (lines.length - 1) * 14 });
      return el(
        'g',
        { class: 'break' },
        el('line', {
          x1: bx,
          x2: bx,
          y1: m.top,
          y2: height - m.bottom,
          stroke: 'currentColor',
          'stroke-dasharray': '3 3',
          'stroke-opacity': 0.6,
        }) +
          // A box of the background's colour under the label: lines crossing it pass behind, not through its words.
          el('rect', { ...LABEL_BOX, x: r1(from - 2), y: top - 11, width: r1(to - from + 4), height: (lines.length - 1) * 14 + 15 }) +
          multiline(lines, { x: lx, y: top, 'text-anchor': after ? 'start' : 'end', 'font-size': 12, fill: 'currentColor' }),
      );
    })
    .join('');

  // The reference's label sits above its line, wrapped to the plot's width.
  const referenceLines = o.reference ? wrapChartText(o.reference.label, width - m.left - 8, 12) : [];
  const reference = o.reference
    ? el(
        'g',
        { class: 'reference', 'data-value': o.reference.y },
        el('line', {
          x1: m.left,
          x2: width - m.right,
          y1: y(o.reference.y),
          y2: y(o.reference.y),
          stroke: '#8a4b00',
          'stroke-dasharray': '6 3',
          'stroke-width': 1.5,
        }) +
          multiline(referenceLines, {
            x: m.left + 4,
            y: Math.max(14, y(o.reference.y) - 6 - (referenceLines.length - 1) * 14),
            'font-size': 12,
            fill: '#8a4b00',
          }),
      )
    : '';

  // End labels, nudged apart so that series ending at similar values stay readable.
  const labelY = new Map<string, number>();
  const ends = series
    .map((s) => ({ id: s.id, last: s.points.filter((p) => p.y != null).at(-1) }))
    .filter((e) => e.last)
    .sort((a, b) => y(b.last!.y!) - y(a.last!.y!));
  // From the lowest up: each label centred on its line's end, its last line at least 15 px above
  // the first line of the label below.
  let ceiling = Infinity;
  // A label's last line no lower than the plot's bottom: the year under the last point is beside it.
  const floor = height - m.bottom;
  for (const e of ends) {
    const extra = (endLines.get(e.id)!.length - 1) * 14;
    // …and never above the top of the chart.
    const first = Math.max(8, Math.min(y(e.last!.y!) - extra / 2, ceiling - 15 - extra, floor - extra));
    labelY.set(e.id, first);
    ceiling = first;
  }
  // …then from the highest down: labels held at the top of the chart by many lines ending near it
  // move down below one another instead of piling up there.
  let above = Number.NEGATIVE_INFINITY;
  for (const e of [...ends].reverse()) {
    const first = Math.max(labelY.get(e.id)!, above + 15);
    labelY.set(e.id, first);
    above = first + (endLines.get(e.id)!.length - 1) * 14;
  }

  const path = line<{ x: number; y: number | null }>()
    .defined((p) => p.y != null)
    .x((p) => x(p.x))
    .y((p) => y(p.y ?? 0));
  const cuts = (o.breaks ?? []).filter((b) => b.separates).map((b) => b.x);
  const pieces = (points: LineSeries['points']) => {
    const out: LineSeries['points'][] = [[]];
    for (const p of points) {
      const previous = out.at(-1)!.at(-1);
      if (previous && cuts.some((c) => previous.x < c && p.x >= c)) out.push([]);
      out.at(-1)!.push(p);
    }
    return out;
  };
  const lines = series
    .map((s, i) => {
      const colour = COLOURS[i % COLOURS.length];
      const defined = s.points.filter((p) => p.y != null);
      const last = defined.at(-1);
      const marks = s.points
        .map((p) => {
          const label = `${s.label}, ${p.x}: ${p.y == null ? o.missingLabel : o.format(p.y)}`;
          return p.y == null
            ? ''
            : el(
                'g',
                { class: 'point', tabindex: 0, role: 'img', 'aria-label': label },
                hitArea(x(p.x), y(p.y)) +
                  el(
                    'circle',
                    { cx: x(p.x), cy: y(p.y), r: 4, fill: colour, 'data-value': p.y, 'data-x': p.x },
                    el('title', {}, escapeHtml(label)),
                  ),
              );
        })
        .join('');
      return el(
        'g',
        { class: 'series', 'data-series': s.id },
        el('path', {
          d: pieces(s.points)
            .map((piece) => path(piece) ?? '')
            .join('')
            .replace(/\d+\.\d+/g, (n) => String(r1(Number(n)))),
          fill: 'none',
          stroke: colour,
          'stroke-width': 2.5,
          'stroke-dasharray': DASHES[i % DASHES.length],
        }) +
          marks +
          (last
            ? multiline(endLines.get(s.id)!, {
                x: x(last.x) + 8,
                y: labelY.get(s.id)!,
                'font-size': 12,
                fill: colour,
                'dominant-baseline': 'middle',
              })
            : ''),
      );
    })
    .join('');
  // The breaks last: their labels, on their boxes, stay legible where a line or another break crosses them.
  return frame(o.id, width, height, o.title, o.description, grid + axis + reference + lines + breaks, 'group');
}

/** The unit every label ends with, from its first space on (" điểm %"), if they share one. */
function sharedUnit(labels: string[]): string | null {
  if (labels.length < 2) return null;
  const [first] = labels;
  let start = first.indexOf(' ');
  while (start >= 0) {
    const unit = first.slice(start);
    if (labels.every((l) => l.endsWith(unit) && l.length > unit.length)) return unit;
    start = first.indexOf(' ', start + 1);
  }
  return null;
}

/** Room one x label needs: four 12-px digits (about 7 px each) and a gap. */
const X_LABEL_ROOM = 34;

/**
 * The x values that get a label: every one where they fit, else every second, third… counted back
 * from the last, so the latest year is always named and no two labels overlap on a narrow chart.
 */
function labelledXs(xs: number[], x: (v: number) => number): number[] {
  for (let step = 1; step < xs.length; step++) {
    const kept = xs.filter((_, i) => (xs.length - 1 - i) % step === 0);
    if (kept.every((v, i) => i === 0 || x(v) - x(kept[i - 1]) >= X_LABEL_ROOM)) return kept;
  }
  return xs.slice(-1);
}
