import { extent, line, scaleLinear } from 'd3';
import { escapeHtml } from '../escape.ts';
import { el, r1 } from './svg.ts';

/**
 * A small line of values over years, with a dashed target line; labelled for screen readers. Empty
 * for fewer than two known values: a lone dot on an unlabelled line says nothing the card does not.
 */
export function sparkline(
  points: { x: number; y: number | null }[],
  target: number | null,
  label: string,
  width = 160,
  height = 40,
): string {
  const known = points.filter((p) => p.y != null) as { x: number; y: number }[];
  if (known.length < 2) return '';
  const [x0, x1] = extent(points, (p) => p.x) as [number, number];
  const ys = [...known.map((p) => p.y), ...(target == null ? [] : [target])];
  const [lo, hi] = extent(ys.length ? ys : [0, 1]) as [number, number];
  const x = scaleLinear()
    .domain([x0, x1 === x0 ? x0 + 1 : x1])
    .range([4, width - 4]);
  const y = scaleLinear()
    .domain([Math.min(0, lo), hi || 1])
    .range([height - 4, 4]);
  const path = line<{ x: number; y: number | null }>()
    .defined((p) => p.y != null)
    .x((p) => x(p.x))
    .y((p) => y(p.y ?? 0));
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-label': label,
      class: 'sparkline',
    },
    el('title', {}, escapeHtml(label)) +
      (target == null
        ? ''
        : el('line', { x1: 4, x2: width - 4, y1: y(target), y2: y(target), stroke: '#8a4b00', 'stroke-dasharray': '3 2' })) +
      el('path', {
        d: (path(points) ?? '').replace(/\d+\.\d+/g, (n) => String(r1(Number(n)))),
        fill: 'none',
        stroke: '#1f5f99',
        'stroke-width': 2,
      }) +
      known.map((p) => el('circle', { cx: x(p.x), cy: y(p.y), r: 2.5, fill: '#1f5f99' })).join(''),
  );
}
