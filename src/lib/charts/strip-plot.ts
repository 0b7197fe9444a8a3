import { max, scaleLinear } from 'd3';
import { escapeHtml } from '../escape.ts';
import { el, frame } from './svg.ts';

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
  width?: number;
}

const ROW = 56;

/**
 * Where one unit stands among its peers: a row of dots per peer group on a shared scale, the unit
 * itself marked and named. Dots are staggered over three lines so equal values stay visible.
 */
export function stripPlot(rows: StripRow[], o: StripPlotOptions): string {
  const width = o.width ?? 640;
  const m = { top: 24, right: 24, left: 150, bottom: 28 };
  const height = m.top + rows.length * ROW + m.bottom;
  const x = scaleLinear().domain([0, max(rows.flatMap((r) => r.points), (p) => p.value) || 1]).nice().range([m.left, width - m.right]);
  const axis = x.ticks(5).map((tick) => el('g', { class: 'tick' },
    el('line', { x1: x(tick), x2: x(tick), y1: m.top - 8, y2: height - m.bottom, stroke: 'currentColor', 'stroke-opacity': 0.15 }) +
    el('text', { x: x(tick), y: height - m.bottom + 16, 'text-anchor': 'middle', 'font-size': 12, fill: 'currentColor' }, escapeHtml(o.format(tick))))).join('');
  const body = rows.map((row, i) => {
    const mid = m.top + i * ROW + ROW / 2;
    const ordered = [...row.points].sort((a, b) => Number(a.key === o.highlight) - Number(b.key === o.highlight));
    const dots = ordered.map((p, j) => {
      const mine = p.key === o.highlight;
      const label = `${p.name}: ${o.format(p.value)}`;
      const dot = el('circle', {
        cx: x(p.value), cy: mine ? mid : mid + ((j % 3) - 1) * 7, r: mine ? 7 : 4, fill: mine ? '#b45309' : '#3182bd',
        'fill-opacity': mine ? 1 : 0.6, stroke: '#ffffff', 'stroke-width': mine ? 1.5 : 0.5, 'data-key': p.key, 'data-value': p.value,
      }, el('title', {}, escapeHtml(label)));
      return p.href && !mine ? el('a', { href: p.href, 'aria-label': label }, dot) : el('g', { role: 'img', 'aria-label': label, tabindex: 0 }, dot);
    }).join('');
    const me = row.points.find((p) => p.key === o.highlight);
    const name = me ? el('text', { x: x(me.value), y: mid - 12, 'text-anchor': x(me.value) > width / 2 ? 'end' : 'start', 'font-size': 12, 'font-weight': 'bold', fill: 'currentColor' }, escapeHtml(me.name)) : '';
    return el('text', { x: m.left - 12, y: mid, 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-size': 12, fill: 'currentColor' }, escapeHtml(row.label)) + dots + name;
  }).join('');
  return frame(o.id, width, height, o.title, o.description, axis + body, 'group');
}
