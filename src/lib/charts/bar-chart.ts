import { max, scaleLinear } from 'd3';
import { escapeHtml } from '../escape.ts';
import { COMPACT, el, frame, type Chart } from './svg.ts';

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
  // On a phone each label sits above its bar, which then has the whole width.
  const compact = width < COMPACT;
  const label = compact ? 18 : 0;
  const row = 24 + label;
  const m = { top: 8, right: 70, left: compact ? 0 : 230 };
  const height = m.top * 2 + items.length * row;
  const x = scaleLinear()
    .domain([0, max(items, (d) => d.value ?? 0) || 1])
    .range([0, width - m.left - m.right]);
  const bars = items
    .map((d, i) => {
      const top = m.top + i * row;
      const y = top + label;
      const text = `${d.label}: ${d.value == null ? o.missingLabel : o.format(d.value)}`;
      return el(
        'g',
        { role: 'img', 'aria-label': text, tabindex: 0, 'data-key': d.key, 'data-value': d.value ?? '' },
        (compact
          ? el('text', { x: 0, y: top + 12, 'font-size': 12, fill: 'currentColor' }, escapeHtml(d.label))
          : el(
              'text',
              { x: m.left - 8, y: y + 12, 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-size': 12, fill: 'currentColor' },
              escapeHtml(d.label),
            )) +
          el('rect', { x: m.left, y: y + 3, width: Math.max(0, x(d.value ?? 0)), height: 18, fill: '#3182bd' }) +
          el(
            'text',
            { x: m.left + x(d.value ?? 0) + 6, y: y + 12, 'dominant-baseline': 'middle', 'font-size': 12, fill: 'currentColor' },
            escapeHtml(d.value == null ? o.missingLabel : o.format(d.value)),
          ),
      );
    })
    .join('');
  return frame(o.id, width, height, o.title, o.description, bars);
}
