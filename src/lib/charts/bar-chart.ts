import { max, scaleLinear } from 'd3';
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
  width?: number;
}

/** Horizontal bars, one per item, largest first as given; every bar labelled with its value. */
export function barChart(items: { key: string; label: string; value: number | null }[], o: BarChartOptions): Chart {
  const width = o.width ?? 640;
  const valueText = (v: number | null) => (v == null ? o.missingLabel : o.format(v));
  // On a phone, or where a name is too long for the side, each name sits above its bar (wrapped
  // to the chart's width), which then has the whole width.
  const widest = Math.max(0, ...items.map((d) => chartTextWidth(d.label, 12)));
  const compact = width < COMPACT || widest + 8 > SIDE_LABEL_ROOM;
  const names = items.map((d) => (compact ? wrapChartText(d.label, width, 12) : [d.label]));
  const m = {
    top: 8,
    right: Math.max(70, 12 + Math.max(0, ...items.map((d) => chartTextWidth(valueText(d.value), 12)))),
    left: compact ? 0 : SIDE_LABEL_ROOM,
  };
  const rowTop: number[] = [];
  let bottom = m.top;
  for (const lines of names) {
    rowTop.push(bottom);
    bottom += 24 + (compact ? 4 + lines.length * 14 : 0);
  }
  const height = bottom + m.top;
  const x = scaleLinear()
    .domain([0, max(items, (d) => d.value ?? 0) || 1])
    .range([0, width - m.left - m.right]);
  const bars = items
    .map((d, i) => {
      const top = rowTop[i];
      const y = compact ? top + 4 + names[i].length * 14 : top;
      const text = `${d.label}: ${valueText(d.value)}`;
      return el(
        'g',
        { role: 'img', 'aria-label': text, tabindex: 0, 'data-key': d.key, 'data-value': d.value ?? '' },
        (compact
          ? multiline(names[i], { x: 0, y: top + 12, 'font-size': 12, fill: 'currentColor' })
          : el(
              'text',
              { x: m.left - 8, y: y + 12, 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-size': 12, fill: 'currentColor' },
              escapeHtml(d.label),
            )) +
          el('rect', { x: m.left, y: y + 3, width: Math.max(0, x(d.value ?? 0)), height: 18, fill: '#3182bd' }) +
          el(
            'text',
            { x: m.left + x(d.value ?? 0) + 6, y: y + 12, 'dominant-baseline': 'middle', 'font-size': 12, fill: 'currentColor' },
            escapeHtml(valueText(d.value)),
          ),
      );
    })
    .join('');
  return frame(o.id, width, height, o.title, o.description, bars);
}
