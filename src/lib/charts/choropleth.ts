import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geoMercator, geoPath } from 'd3';
import { scaleThreshold } from 'd3';
import { escapeHtml } from '../escape.ts';
import { el, frame } from './svg.ts';

export interface ChoroplethOptions {
  id: string;
  title: string;
  description: string;
  key: string;
  format: (v: number) => string;
  missingLabel: string;
  legendTitle: string;
  /** Upper bounds of each class but the last. */
  breaks: number[];
  href?: (code: string) => string;
  /** A unit to outline (drawn last, so its border is on top). */
  highlight?: string;
  width?: number;
  height?: number;
}

/** Colour-blind-safe sequential blues (ColorBrewer), light to dark. */
const PALETTE = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
const MISSING = '#d9d9d9';

/** A choropleth as SVG text: one path per feature, a class legend, and a label on every shape. */
export function choropleth(
  geo: FeatureCollection<Geometry, Record<string, unknown>>,
  values: Map<string, { name: string; value: number | null }>,
  o: ChoroplethOptions,
): string {
  const width = o.width ?? 640;
  const height = o.height ?? 440;
  const legendWidth = 170;
  const projection = geoMercator().fitSize([width - legendWidth, height], geo);
  const path = geoPath(projection).digits(1);
  const colour = scaleThreshold<number, string>().domain(o.breaks).range(PALETTE.slice(0, o.breaks.length + 1));

  const codeOf = (f: Feature<Geometry, Record<string, unknown>>) => String(f.properties[o.key]);
  const ordered = [...geo.features].sort((a, b) => Number(codeOf(a) === o.highlight) - Number(codeOf(b) === o.highlight));
  const shapes = ordered.map((f) => {
    const code = codeOf(f);
    const marked = code === o.highlight;
    const datum = values.get(code);
    const label = `${datum?.name ?? code}: ${datum?.value == null ? o.missingLabel : o.format(datum.value)}`;
    const shape = el('path', {
      d: path(f) ?? '', fill: datum?.value == null ? MISSING : colour(datum.value),
      stroke: marked ? '#b45309' : '#ffffff', 'stroke-width': marked ? 2.5 : 0.8,
      'data-code': code, 'data-value': datum?.value ?? '', 'data-highlight': marked ? 'true' : null,
    }, el('title', {}, escapeHtml(label)));
    return o.href
      ? el('a', { href: o.href(code), 'aria-label': label }, shape)
      : el('g', { role: 'img', 'aria-label': label }, shape);
  }).join('');

  const classes = PALETTE.slice(0, o.breaks.length + 1).map((fill, i) => {
    const lo = i === 0 ? null : o.breaks[i - 1];
    const hi = i < o.breaks.length ? o.breaks[i] : null;
    const text = lo == null ? `< ${o.format(hi!)}` : hi == null ? `≥ ${o.format(lo)}` : `${o.format(lo)} – ${o.format(hi)}`;
    return { fill, text };
  }).concat([{ fill: MISSING, text: o.missingLabel }]);
  const lx = width - legendWidth + 16;
  const legend = el('g', { class: 'legend' },
    el('text', { x: lx, y: 24, 'font-size': 12, 'font-weight': 'bold', fill: 'currentColor' }, escapeHtml(o.legendTitle)) +
    classes.map((c, i) =>
      el('rect', { x: lx, y: 36 + i * 22, width: 16, height: 16, fill: c.fill, stroke: '#666666', 'stroke-width': 0.5 }) +
      el('text', { x: lx + 24, y: 48 + i * 22, 'font-size': 12, fill: 'currentColor' }, escapeHtml(c.text))).join(''));
  return frame(o.id, width, height, o.title, o.description, el('g', { class: 'shapes' }, shapes) + legend, o.href ? 'group' : 'img');
}
