import { scaleThreshold } from 'd3';
import { escapeHtml } from '../escape.ts';
import { wrapToWidth } from '../export-font.ts';
import { ZERO_BREAK } from '../shape/class-breaks.ts';
import { el, focusable } from './svg.ts';

/** A unit's value on a map, or why it has none (no data, not computable). */
export interface MapDatum {
  name: string;
  value: number | null;
  /** What to say instead of a value: "no data", "partial transfer". */
  missing?: string;
  /** Drawn hatched: the value cannot be computed (a split unit), not merely hidden. */
  hatched?: boolean;
  /** Drawn dotted: the counts are published, but too few to give a rate. */
  tooFew?: boolean;
}

/** Colour-blind-safe sequential blues (ColorBrewer), light to dark. */
const PALETTE = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
const MISSING = '#d9d9d9';

/**
 * The ids of a chart's fill patterns, its own: a page holds each chart twice, one of them hidden,
 * and a fill that referred to a pattern in the hidden copy would draw nothing.
 */
const patternIds = (chartId: string) => ({ hatch: `${chartId}-hatch`, dots: `${chartId}-dots` });

/** The patterns of the fills for a value that cannot be computed or has too few to go on; put once in each SVG that uses them. */
export const hatchDef = (chartId: string) =>
  el(
    'defs',
    {},
    el(
      'pattern',
      { id: patternIds(chartId).hatch, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      el('rect', { width: 6, height: 6, fill: '#f5f5f5' }) +
        el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#737373', 'stroke-width': 2 }),
    ) +
      el(
        'pattern',
        { id: patternIds(chartId).dots, width: 4, height: 4, patternUnits: 'userSpaceOnUse' },
        el('rect', { width: 4, height: 4, fill: '#e8e8e8' }) + el('circle', { cx: 2, cy: 2, r: 1.2, fill: '#404040' }),
      ),
  );

/** The fill of a unit: its class colour; else dotted when too few for a rate, hatched when not computable, grey when missing. */
export function shader(breaks: number[], chartId: string) {
  const colour = scaleThreshold<number, string>()
    .domain(breaks)
    .range(PALETTE.slice(0, breaks.length + 1));
  const { hatch, dots } = patternIds(chartId);
  return (d: MapDatum | undefined) =>
    d?.value != null ? colour(d.value) : d?.tooFew ? `url(#${dots})` : d?.hatched ? `url(#${hatch})` : MISSING;
}

/** The label a unit is read out with: name and value, or name and why there is none. */
export const datumLabel = (code: string, d: MapDatum | undefined, format: (v: number) => string, missingLabel: string) =>
  `${d?.name ?? code}: ${d?.value == null ? (d?.missing ?? missingLabel) : format(d.value)}`;

/**
 * A class's range in words; zero gets its own class when the first break is ZERO_BREAK, and a
 * last class that starts at the ceiling (100 %) is that value alone.
 */
function className(lo: number | null, hi: number | null, format: (v: number) => string, ceiling?: number): string {
  const bound = (v: number) => format(v === ZERO_BREAK ? 0 : v);
  if (lo == null && hi == null) return bound(0);
  if (lo == null) return hi === ZERO_BREAK ? bound(0) : `< ${bound(hi!)}`;
  if (hi == null) return lo === ZERO_BREAK ? `> ${bound(0)}` : ceiling != null && lo >= ceiling ? bound(ceiling) : `≥ ${bound(lo)}`;
  return lo === ZERO_BREAK ? `> ${bound(0)} – < ${bound(hi)}` : `${bound(lo)} – < ${bound(hi)}`;
}

/**
 * The class legend: one swatch per class with its range, then one per kind of missing value
 * that actually occurs, so a missing value is never read as zero; with the height it takes. Its
 * title is broken into lines that fit `width`, as measured in the export face.
 */
export function classLegend(
  x: number,
  width: number,
  title: string,
  breaks: number[],
  format: (v: number) => string,
  missing: MapDatum[],
  missingLabel: string,
  chartId: string,
  ceiling?: number,
): { markup: string; height: number } {
  const shade = shader(breaks, chartId);
  const classes = PALETTE.slice(0, breaks.length + 1).map((fill, i) => {
    const lo = i === 0 ? null : breaks[i - 1];
    const hi = i < breaks.length ? breaks[i] : null;
    const text = className(lo, hi, format, ceiling);
    return { fill, text };
  });
  const seen = new Map<string, string>();
  for (const d of missing) if (d.value == null) seen.set(d.missing ?? missingLabel, shade(d));
  if (seen.size === 0) seen.set(missingLabel, MISSING);
  const rows = classes.concat([...seen].map(([text, fill]) => ({ fill, text })));
  const titleLines = wrapToWidth(title, width, 12, 'bold');
  // A class's range (large counts with their unit) or a reason a value is missing goes on in a
  // second line beside its swatch rather than past the edge of the map.
  let y = 36 + (titleLines.length - 1) * 16;
  const swatches = rows.map((c) => {
    const lines = wrapToWidth(c.text, width - 24, 12, 'regular');
    const markup =
      el('rect', { x, y, width: 16, height: 16, fill: c.fill, stroke: '#666666', 'stroke-width': 0.5 }) +
      lines
        .map((line, j) => el('text', { x: x + 24, y: y + 12 + j * 16, 'font-size': 12, fill: 'currentColor' }, escapeHtml(line)))
        .join('');
    y += 22 + (lines.length - 1) * 16;
    return markup;
  });
  const markup = el(
    'g',
    { class: 'legend' },
    titleLines
      .map((line, i) => el('text', { x, y: 24 + i * 16, 'font-size': 12, 'font-weight': 'bold', fill: 'currentColor' }, escapeHtml(line)))
      .join('') + swatches.join(''),
  );
  return { markup, height: y };
}

/** A shape on a map: a link to the unit's page when there is one, else a labelled image; data-* keep the exact value. */
export function unitMark(
  code: string,
  label: string,
  d: MapDatum | undefined,
  shape: (attrs: Record<string, string | number | null>) => string,
  href?: string,
): string {
  return focusable(label, shape({ 'data-code': code, 'data-value': d?.value ?? '' }), href);
}
