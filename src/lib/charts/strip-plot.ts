import { bin, max, scaleLinear } from 'd3';
import { escapeHtml } from '../escape.ts';
import { BOLD, chartTextWidth, fitText } from '../text-measure.ts';
import { COMPACT, el, focusable, frame, hitArea, type Chart } from './svg.ts';

export interface StripRow {
  label: string;
  points: { key: string; name: string; value: number; href?: string }[];
}

export interface StripPlotOptions {
  id: string;
  title: string;
  description: string;
  format: (v: number) => string;
  /** The point to mark and name on every row. */
  highlight: string;
  /** How a row too long for one dot per unit is described: "177 communes, by rate". */
  distribution: (count: number) => string;
  width?: number;
}

const ROW = 56;
/**
 * Above this many points a row is drawn as a histogram, not one dot (and link) per unit: with
 * hundreds of communes the dots would overlap into a smear, and every commune's page would carry
 * every other commune, which grows with the square of their number.
 */
const MAX_DOTS = 60;

/**
 * Where one unit stands among its peers: a row of dots per peer group on a shared scale, the unit
 * itself marked and named. Dots are staggered over three lines so equal values stay visible.
 */
export function stripPlot(rows: StripRow[], o: StripPlotOptions): Chart {
  const width = o.width ?? 640;
  // On a phone each row's name sits above it, and the dots have the whole width.
  const compact = width < COMPACT;
  const x = scaleLinear()
    .domain([0, max(rows, (r) => max(r.points, (p) => p.value)) || 1])
    .nice();
  // The end ticks' labels are centred on them: the margins hold their halves, however long the format.
  const halfLabel = (tick: number | undefined) => (tick == null ? 0 : chartTextWidth(o.format(tick), 12) / 2 + 2);
  const marginsFor = (ticks: number[]) => ({
    top: compact ? 40 : 24,
    right: Math.max(24, halfLabel(ticks.at(-1))),
    left: Math.max(compact ? 16 : 150, halfLabel(ticks[0])),
    bottom: 28,
  });
  // As many ticks as there is room for their labels side by side, at most six.
  const fits = (ticks: number[]) => {
    const m = marginsFor(ticks);
    x.range([m.left, width - m.right]);
    return ticks.every((t, i) => i === 0 || x(t) - x(ticks[i - 1]) >= halfLabel(t) + halfLabel(ticks[i - 1]) + 4);
  };
  const ticks = [5, 4, 3, 2, 1].map((n) => x.ticks(n)).find(fits) ?? x.domain();
  const m = marginsFor(ticks);
  const height = m.top + rows.length * ROW + m.bottom;
  x.range([m.left, width - m.right]);
  const axis = ticks
    .map((tick) =>
      el(
        'g',
        { class: 'tick' },
        el('line', { x1: x(tick), x2: x(tick), y1: m.top - 8, y2: height - m.bottom, stroke: 'currentColor', 'stroke-opacity': 0.15 }) +
          el(
            'text',
            { x: x(tick), y: height - m.bottom + 16, 'text-anchor': 'middle', 'font-size': 12, fill: 'currentColor' },
            escapeHtml(o.format(tick)),
          ),
      ),
    )
    .join('');
  const body = rows
    .map((row, i) => {
      const mid = m.top + i * ROW + ROW / 2;
      const marks = row.points.length > MAX_DOTS ? histogram(row, x, mid, o) : dots(row, x, mid, o, compact);
      const me = row.points.find((p) => p.key === o.highlight);
      // Names come from data and may be of any length: each is held to the room it has (bold is
      // measured a tenth wider), so that none runs off the chart.
      const atEnd = me != null && x(me.value) > width / 2;
      const name = me
        ? el(
            'text',
            {
              x: x(me.value),
              y: mid - 12,
              'text-anchor': atEnd ? 'end' : 'start',
              'font-size': 12,
              'font-weight': 'bold',
              fill: 'currentColor',
            },
            escapeHtml(fitText(me.name, (atEnd ? x(me.value) : width - x(me.value)) / BOLD, 12)),
          )
        : '';
      const rowName = compact
        ? el(
            'text',
            { x: 0, y: mid - ROW / 2 - 4, 'font-size': 12, 'font-weight': 'bold', fill: 'currentColor' },
            escapeHtml(fitText(row.label, width / BOLD, 12)),
          )
        : el(
            'text',
            { x: m.left - 12, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-size': 12, fill: 'currentColor' },
            escapeHtml(fitText(row.label, m.left - 12, 12)),
          );
      return rowName + marks + name;
    })
    .join('');
  return frame(o.id, width, height, o.title, o.description, axis + body, 'group');
}

type Scale = ReturnType<typeof scaleLinear<number, number>>;

function dots(row: StripRow, x: Scale, mid: number, o: StripPlotOptions, compact: boolean): string {
  const ordered = [...row.points].sort((a, b) => Number(a.key === o.highlight) - Number(b.key === o.highlight));
  return ordered
    .map((p, j) => {
      const mine = p.key === o.highlight;
      const label = `${p.name}: ${o.format(p.value)}`;
      const dot = el(
        'circle',
        {
          cx: x(p.value),
          cy: mine ? mid : mid + ((j % 3) - 1) * 7,
          r: mine ? 7 : 4,
          fill: mine ? '#b45309' : '#3182bd',
          'fill-opacity': mine ? 1 : 0.6,
          stroke: '#ffffff',
          'stroke-width': mine ? 1.5 : 0.5,
          'data-key': p.key,
          'data-value': p.value,
        },
        el('title', {}, escapeHtml(label)),
      );
      // On a phone the other dots are too close together to tap: the table under the chart links each of them.
      if (!mine && compact) return dot;
      return focusable(label, (mine ? hitArea(x(p.value), mid) : '') + dot, mine ? undefined : p.href);
    })
    .join('');
}

/**
 * The bars of a row's histogram, by its points and where they are drawn. Every unit ranked among
 * the same peers draws the same bars (the caller passes the same points): counted once, they are
 * not counted again for each of thousands of units.
 */
const barsDrawn = new WeakMap<StripRow['points'], Map<string, string>>();

function bars(points: StripRow['points'], x: Scale, mid: number): string {
  const drawn = barsDrawn.get(points) ?? new Map<string, string>();
  if (!barsDrawn.has(points)) barsDrawn.set(points, drawn);
  const key = `${x.domain()}|${x.range()}|${mid}`;
  const known = drawn.get(key);
  if (known !== undefined) return known;
  const bins = bin<StripRow['points'][number], number>()
    .value((p) => p.value)
    .domain(x.domain() as [number, number])
    .thresholds(x.ticks(30))(points);
  const tallest = Math.max(1, ...bins.map((b) => b.length));
  const svg = bins
    .filter((b) => b.length > 0)
    .map((b) => {
      const h = Math.max(2, (b.length / tallest) * (ROW / 2 - 4));
      return el('rect', {
        x: x(b.x0!),
        y: mid + 8 - h,
        width: Math.max(1, x(b.x1!) - x(b.x0!) - 1),
        height: h,
        fill: '#3182bd',
        'fill-opacity': 0.5,
      });
    })
    .join('');
  drawn.set(key, svg);
  return svg;
}

/** Counts of units per class of rate, as bars rising from the row's line, and the unit itself on top. */
function histogram(row: StripRow, x: Scale, mid: number, o: StripPlotOptions): string {
  const me = row.points.find((p) => p.key === o.highlight);
  const label = me ? `${me.name}: ${o.format(me.value)}` : '';
  const mark = me
    ? focusable(
        label,
        hitArea(x(me.value), mid) +
          el(
            'circle',
            {
              cx: x(me.value),
              cy: mid,
              r: 7,
              fill: '#b45309',
              stroke: '#ffffff',
              'stroke-width': 1.5,
              'data-key': me.key,
              'data-value': me.value,
            },
            el('title', {}, escapeHtml(label)),
          ),
      )
    : '';
  return (
    el('g', { role: 'img', 'aria-label': o.distribution(row.points.length), 'data-count': row.points.length }, bars(row.points, x, mid)) +
    mark
  );
}
