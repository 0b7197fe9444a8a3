import { extent, scaleLinear } from 'd3';
import { escapeHtml } from '../escape.ts';
import { chartTextWidth, wrapChartText } from '../text-measure.ts';
import { COMPACT, el, frame, multiline, type Chart } from './svg.ts';

/** Room for the names beside the bars on a wide chart; a longer name puts every name above its bar. */
const SIDE_LABEL_ROOM = 230;

export interface BarChartOptions {
  id: string;
  title: string;
  description: string;
  format: (v: number) => string;
  missingLabel: string;
  /** A level to read the bars against, such as a target: a dashed line across them, its label above. */
  reference?: { value: number; label: string };
  width?: number;
}

/**
 * Horizontal bars, one per item, in the order given; every bar labelled with its value. A value
 * below zero (a change that went the other way) is a bar to the left of a marked zero.
 */
export function barChart(items: { key: string; label: string; value: number | null }[], o: BarChartOptions): Chart {
  const width = o.width ?? 640;
  const valueText = (v: number | null) => (v == null ? o.missingLabel : o.format(v));
  // On a phone, or where a name is too long for the side, each name sits above its bar (wrapped
  // to the chart's width), which then has the whole width.
  const widest = Math.max(0, ...items.map((d) => chartTextWidth(d.label, 12)));
  const compact = width < COMPACT || widest + 8 > SIDE_LABEL_ROOM;
  const names = items.map((d) => (compact ? wrapChartText(d.label, width, 12) : [d.label]));
  const valueRoom = (below: boolean) =>
    12 + Math.max(0, ...items.filter((d) => below === (d.value != null && d.value < 0)).map((d) => chartTextWidth(valueText(d.value), 12)));
  const [low, high] = extent([0, o.reference?.value ?? 0, ...items.map((d) => d.value ?? 0)]) as [number, number];
  const nameRoom = compact ? 0 : SIDE_LABEL_ROOM;
  const m = { right: Math.max(70, valueRoom(false)), left: nameRoom + (low < 0 ? valueRoom(true) : 0) };
  const x = scaleLinear()
    .domain([low, high > low ? high : 1])
    .range([m.left, width - m.right]);
  const referenceLines = o.reference ? wrapChartText(o.reference.label, width, 12) : [];
  const top = 8 + referenceLines.length * 14;
  const rowTop: number[] = [];
  let bottom = top;
  for (const lines of names) {
    rowTop.push(bottom);
    bottom += 24 + (compact ? 4 + lines.length * 14 : 0);
  }
  const height = bottom + 8;
  const barTop = (i: number) => (compact ? rowTop[i] + 4 + names[i].length * 14 : rowTop[i]);
  const bars = items
    .map((d, i) => {
      const y = barTop(i);
      const v = d.value ?? 0;
      // A value's words go past the reference's line where they would be written across it.
      const ref = o.reference?.value;
      const w = chartTextWidth(valueText(d.value), 12);
      const after = ref != null && ref > v && x(v) + 6 <= x(ref) + 2 && x(v) + 6 + w >= x(ref) - 2 ? x(ref) + 6 : x(v) + 6;
      const text = `${d.label}: ${valueText(d.value)}`;
      return el(
        'g',
        { role: 'img', 'aria-label': text, tabindex: 0, 'data-key': d.key, 'data-value': d.value ?? '' },
        (compact
          ? multiline(names[i], { x: 0, y: rowTop[i] + 12, 'font-size': 12, fill: 'currentColor' })
          : el(
              'text',
              { x: nameRoom - 8, y: y + 12, 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-size': 12, fill: 'currentColor' },
              escapeHtml(d.label),
            )) +
          el('rect', { x: Math.min(x(0), x(v)), y: y + 3, width: Math.abs(x(v) - x(0)), height: 18, fill: '#3182bd' }) +
          el(
            'text',
            {
              x: v < 0 ? x(v) - 6 : after,
              y: y + 12,
              'text-anchor': v < 0 ? 'end' : null,
              'dominant-baseline': 'middle',
              'font-size': 12,
              fill: 'currentColor',
            },
            escapeHtml(valueText(d.value)),
          ),
      );
    })
    .join('');
  // A line at a value is drawn across each bar's row, not between rows, where names sit on a phone.
  const throughBars = (value: number, a: Record<string, string | number>) =>
    items.map((_, i) => el('line', { x1: x(value), x2: x(value), y1: barTop(i), y2: barTop(i) + 24, ...a })).join('');
  const zero = low < 0 ? throughBars(0, { stroke: 'currentColor', 'stroke-opacity': 0.6 }) : '';
  return frame(o.id, width, height, o.title, o.description, zero + bars + (o.reference ? reference(o.reference.value) : ''));

  function reference(value: number) {
    // Its label starts at the line, or ends there where it would run past the chart's right edge.
    const w = Math.max(...referenceLines.map((l) => chartTextWidth(l, 12)));
    const fits = x(value) + w <= width;
    return el(
      'g',
      { class: 'reference', 'data-value': value },
      throughBars(value, { stroke: '#8a4b00', 'stroke-dasharray': '4 2', 'stroke-width': 2 }) +
        multiline(referenceLines, {
          x: fits ? x(value) : Math.max(w, x(value)),
          y: 12,
          ...(fits ? {} : { 'text-anchor': 'end' }),
          'font-size': 12,
          fill: '#8a4b00',
        }),
    );
  }
}
