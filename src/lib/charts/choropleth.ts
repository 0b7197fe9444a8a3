import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geoMercator, geoPath } from 'd3';
import { escapeHtml } from '../escape.ts';
import { classLegend, datumLabel, hatchDef, shader, unitMark, type MapDatum } from './legend.ts';
import { el, frame } from './svg.ts';

export interface MapOptions {
  id: string;
  title: string;
  description: string;
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

export interface ChoroplethOptions extends MapOptions {
  /** The feature property that holds the unit code. */
  key: string;
}

const LEGEND_WIDTH = 170;

/** A choropleth as SVG text: one path per feature, a class legend, and a label on every shape. */
export function choropleth(
  geo: FeatureCollection<Geometry, Record<string, unknown>>,
  values: Map<string, MapDatum>,
  o: ChoroplethOptions,
): string {
  const width = o.width ?? 640;
  const height = o.height ?? 440;
  const projection = geoMercator().fitSize([width - LEGEND_WIDTH, height], geo);
  const path = geoPath(projection).digits(1);
  const shade = shader(o.breaks);

  const codeOf = (f: Feature<Geometry, Record<string, unknown>>) => String(f.properties[o.key]);
  const ordered = [...geo.features].sort((a, b) => Number(codeOf(a) === o.highlight) - Number(codeOf(b) === o.highlight));
  const shapes = ordered.map((f) => {
    const code = codeOf(f);
    const marked = code === o.highlight;
    const datum = values.get(code);
    const label = datumLabel(code, datum, o.format, o.missingLabel);
    return unitMark(code, label, datum, (data) => el('path', {
      d: path(f) ?? '', fill: shade(datum), stroke: marked ? '#b45309' : '#ffffff', 'stroke-width': marked ? 2.5 : 0.8,
      ...data, 'data-highlight': marked ? 'true' : null,
    }, el('title', {}, escapeHtml(label))), o.href?.(code));
  }).join('');

  const legend = classLegend(width - LEGEND_WIDTH + 16, o.legendTitle, o.breaks, o.format, [...values.values()], o.missingLabel).markup;
  return frame(o.id, width, height, o.title, o.description, hatchDef() + el('g', { class: 'shapes' }, shapes) + legend, o.href ? 'group' : 'img');
}
