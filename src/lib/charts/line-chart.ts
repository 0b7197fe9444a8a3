import { extent } from 'd3';
import { scaleLinear } from 'd3';
import { line } from 'd3';
import { escapeHtml } from '../escape.ts';
import { chartTextWidth, wrapChartText } from '../text-measure.ts';
import { barChart } from './bar-chart.ts';
import { breakBox, placeBreakLabels, usualBreakLabels } from './break-labels.ts';
import { around, type Box, type Segment, segmentCrossesBox } from './collision.ts';
import { besidePoint, type LabelSpot, labelBox, stackedInColumn } from './end-labels.ts';
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

// Each at 4,5:1 or more on white, as small text needs (an orange of 4,49:1 was a hair short).
const COLOURS = ['#1f5f99', '#bf5519', '#2f7d4f', '#7a4ea3'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];

/**
 * A line chart as SVG text. Each series is drawn on its own, gaps where values are missing;
 * every point is a focusable mark with its value spelled out for screen readers.
 */
export function lineChart(series: LineSeries[], o: LineChartOptions): Chart {
  const years = new Set(series.flatMap((s) => s.points.map((p) => p.x)));
  if (years.size === 1) return oneYearAsBars(series, o);
  const width = o.width ?? 640;
  const height = o.height ?? 300;
  // Room on the right for the widest end label, up to two fifths of the chart: a longer one is
  // wrapped to that room, so that a long label never squeezes the lines out on a phone.
  const room = Math.min(Math.max(74, ...series.map((s) => chartTextWidth(s.label, 12))), width * 0.4 - 16);
  const endLines = new Map(series.map((s) => [s.id, wrapChartText(s.label, room, 12)]));
  // From zero, or below it where a value is (a change, a reduction that went the other way).
  const [low, top] = extent([0, ...series.flatMap((s) => s.points.map((p) => p.y ?? 0)), o.reference?.y ?? 0]) as [number, number];
  // Counts of households are whole: a tick at 0.5 household would be formatted as 0 or 1.
  const whole = series.every((s) => s.points.every((p) => p.y == null || Number.isInteger(p.y)));
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  // A linear time axis, so that uneven gaps between years (2006, 2008, …, 2013) look uneven.
  const [lo, hi] = extent(xs) as [number, number];
  const pad = Math.max(0.3, (hi - lo) * 0.04);
  const floor = height - 32;
  /** The scales, ticks and margins of a value axis that reaches at least `upTo`. */
  const layout = (upTo: number) => {
    const y = scaleLinear()
      .domain([low, upTo > low ? upTo : low + 1])
      .nice(5);
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
      bottom: height - floor,
      left: Math.max(56, 12 + Math.max(0, ...tickLabels.map((f) => chartTextWidth(f, 12)))),
    };
    y.range([floor, m.top]);
    const x = scaleLinear()
      .domain([lo - pad, hi + pad])
      .range([m.left, width - m.right]);
    const shown = (o.breaks ?? [])
      .filter((b) => b.x > lo && b.x <= hi)
      .sort((a, b) => a.x - b.x)
      .map((b) => {
        const i = xs.indexOf(b.x);
        return { ...b, bx: i > 0 ? (x(xs[i - 1]) + x(b.x)) / 2 : x(b.x) };
      });
    // The plot's box, its right edge at the last year: what lies beyond is the lines' names' column.
    const plot = { left: m.left, right: x(hi), top: m.top, bottom: floor };
    return { y, x, m, ticks, tickLabels, unitLines, shown, plot };
  };
  // A line is cut where a break separates (a merger): it is not joined across.
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
  type Layout = ReturnType<typeof layout>;
  /**
   * How high the value axis must reach for no point to lie under a break's label, which goes at the
   * top of the plot beside its line: a new standard starts at its highest, right beside its break,
   * and a label there hid those points. A label placed low in the plot is left as it is.
   */
  const headroom = ({ y, x, plot }: Layout, labels: Box[]) => {
    let needed = top;
    for (const p of series.flatMap((s) => s.points)) {
      if (p.y == null || p.y <= low) continue;
      const mark = around(x(p.x), y(p.y), 6);
      for (const label of labels.filter((l) => l.left < mark.right && mark.left < l.right && mark.top < l.bottom)) {
        // The share of the plot's height left under the label, which the point must stay within.
        const below = (floor - label.bottom - 6) / (floor - plot.top);
        if (below > 0.4) needed = Math.max(needed, low + (p.y - low) / below);
      }
    }
    return needed;
  };
  /** The chart drawn on a layout, with the boxes its breaks' labels took. */
  const render = ({ y, x, m, ticks, tickLabels, unitLines, shown, plot }: Layout) => {
    const grid =
      ticks
        .map((tick, i) =>
          el(
            'g',
            { class: 'tick' },
            // Zero stands out where there are values below it.
            el('line', {
              x1: m.left,
              x2: width - m.right,
              y1: y(tick),
              y2: y(tick),
              stroke: 'currentColor',
              'stroke-opacity': tick === 0 && low < 0 ? 0.6 : 0.15,
            }) +
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

    // The reference's label sits above its line, wrapped to the plot's width.
    const referenceLines = o.reference ? wrapChartText(o.reference.label, width - m.left - 8, 12) : [];
    const referenceY = o.reference ? Math.max(14, y(o.reference.y) - 6 - (referenceLines.length - 1) * 14) : 0;
    const path = line<{ x: number; y: number | null }>()
      .defined((p) => p.y != null)
      .x((p) => x(p.x))
      .y((p) => y(p.y ?? 0));

    // The name of each line. Those that run to the last year are named in a column beside it. A
    // line that stops before (a standard replaced, a commune merged, a year missing) is named where
    // it stops: beside its last point, or under or over it, wherever the words cross no line, point
    // or break and stay out of that column; only where there is no such room is it named in the
    // column, at the height it stopped at.
    const extraOf = (id: string) => (endLines.get(id)!.length - 1) * 14;
    const widthOf = (id: string) => Math.max(...endLines.get(id)!.map((l) => chartTextWidth(l, 12)));
    const ends = series
      .map((s) => ({ id: s.id, last: s.points.filter((p) => p.y != null).at(-1) }))
      .filter((e): e is { id: string; last: { x: number; y: number } } => e.last != null);
    // Every point's mark, which no line's name and no break's label may cover.
    const marks = series.flatMap((s) => s.points.flatMap((p) => (p.y == null ? [] : [around(x(p.x), y(p.y), 5)])));
    const spots = new Map<string, LabelSpot>();
    const inColumn = ends.filter((e) => e.last.x === hi);
    const early = ends.filter((e) => e.last.x < hi).sort((a, b) => b.last.x - a.last.x);
    if (early.length > 0) {
      const segments: Segment[] = series.flatMap((s) =>
        pieces(s.points).flatMap((piece) =>
          piece.slice(1).flatMap((p, i) => {
            const q = piece[i];
            return p.y == null || q.y == null ? [] : [{ x1: x(q.x), y1: y(q.y), x2: x(p.x), y2: y(p.y) }];
          }),
        ),
      );
      for (const { bx } of shown) segments.push({ x1: bx, y1: m.top, x2: bx, y2: floor });
      if (o.reference) segments.push({ x1: m.left, y1: y(o.reference.y), x2: x(hi) + 4, y2: y(o.reference.y) });
      const taken: Box[] = [...marks, ...usualBreakLabels(shown, plot, width).map(breakBox)];
      if (o.reference) {
        const w = Math.max(...referenceLines.map((l) => chartTextWidth(l, 12)));
        taken.push(labelBox(m.left + 4, referenceY - 4, 'start', w, (referenceLines.length - 1) * 14));
      }
      for (const e of early) {
        const spot = besidePoint(x(e.last.x), y(e.last.y), widthOf(e.id), extraOf(e.id), plot, segments, taken);
        if (spot) {
          spots.set(e.id, spot);
          taken.push(spot.box);
        } else inColumn.push(e);
      }
    }
    const columnX = x(hi) + 8;
    const lowestFirst = inColumn.sort((a, b) => y(b.last.y) - y(a.last.y));
    for (const [id, first] of stackedInColumn(
      lowestFirst.map((e) => ({ id: e.id, at: y(e.last.y), extra: extraOf(e.id) })),
      floor,
    )) {
      spots.set(id, { x: columnX, y: first, anchor: 'start', box: labelBox(columnX, first, 'start', widthOf(id), extraOf(id)) });
    }
    const named = [...spots.values()].map((s) => s.box);

    // The reference runs across the plot, or to just past the last year where it would run through
    // the name of a line.
    const referenceEnd = (value: number) => {
      const across = { x1: x(hi) + 4, y1: y(value), x2: width - m.right, y2: y(value) };
      return named.some((b) => segmentCrossesBox(across, b)) ? across.x1 : across.x2;
    };
    const reference = o.reference
      ? el(
          'g',
          { class: 'reference', 'data-value': o.reference.y },
          el('line', {
            x1: m.left,
            x2: referenceEnd(o.reference.y),
            y1: y(o.reference.y),
            y2: y(o.reference.y),
            stroke: '#8a4b00',
            'stroke-dasharray': '6 3',
            'stroke-width': 1.5,
          }) +
            multiline(referenceLines, {
              x: m.left + 4,
              y: referenceY,
              'font-size': 12,
              fill: '#8a4b00',
            }),
        )
      : '';

    // A break's label covers no line's name and no point where there is room elsewhere.
    const labels = placeBreakLabels(shown, plot, width, [...named, ...marks]);
    const labelBoxes = labels.map(breakBox);
    const breaks = shown
      .map(({ bx }, k) => {
        const label = labels[k];
        const box = labelBoxes[k];
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
            el('rect', { ...LABEL_BOX, x: r1(box.left), y: box.top, width: r1(box.right - box.left), height: box.bottom - box.top }) +
            multiline(label.lines, {
              x: label.lx,
              y: label.at.top,
              'text-anchor': label.after ? 'start' : 'end',
              'font-size': 12,
              fill: 'currentColor',
            }),
        );
      })
      .join('');

    const lines = series
      .map((s, i) => {
        const colour = COLOURS[i % COLOURS.length];
        const spot = spots.get(s.id);
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
            (spot
              ? multiline(endLines.get(s.id)!, {
                  x: spot.x,
                  y: spot.y,
                  ...(spot.anchor === 'end' ? { 'text-anchor': 'end' } : {}),
                  'font-size': 12,
                  fill: colour,
                  'dominant-baseline': 'middle',
                })
              : ''),
        );
      })
      .join('');
    // The breaks last: their labels, on their boxes, stay legible where a line or another break crosses them.
    return {
      chart: frame(o.id, width, height, o.title, o.description, grid + axis + reference + lines + breaks, 'group'),
      labels: labelBoxes,
    };
  };
  // Where a break's label covers a point, the value axis reaches higher until the points clear the
  // labels (a label moves a little as the lines' names do: three tries at most).
  let laidOut = layout(top);
  let drawn = render(laidOut);
  for (let tries = 0; tries < 3; tries++) {
    const needed = headroom(laidOut, drawn.labels);
    if (needed <= laidOut.y.domain()[1]) break;
    laidOut = layout(needed);
    drawn = render(laidOut);
  }
  return drawn.chart;
}

/**
 * A line needs two years. With one (a province that publishes its first), each series' value is a
 * bar labelled with it, named with the year as its point would be, as Our World in Data shows a
 * single year: a lone dot on an axis would leave the reader to read its value off the ticks.
 */
function oneYearAsBars(series: LineSeries[], o: LineChartOptions): Chart {
  return barChart(
    series.flatMap((s) => s.points.map((p) => ({ key: s.id, label: `${s.label}, ${p.x}`, value: p.y }))),
    { ...o, reference: o.reference && { value: o.reference.y, label: o.reference.label } },
  );
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
