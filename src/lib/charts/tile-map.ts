import { escapeHtml } from '../escape.ts';
import type { MapOptions } from './choropleth.ts';
import { classLegend, datumLabel, hatchDef, shader, unitMark, type MapDatum } from './legend.ts';
import { BOLD, chartTextWidth, fitText } from '../text-measure.ts';
import { el, frame, type Chart } from './svg.ts';

export interface TileGroup {
  code: string;
  name: string;
  units: string[];
}

const TILE = 24;
const GAP = 2;
const PAD = 10;
const HEADER = 18;
/**
 * Room at the left edge for half the widest stroke (a highlighted tile's, 2,5 px): a tile drawn
 * from x = 0 lost that half of its border to the box, on the page and in a download.
 */
const EDGE = 2;
/** Between a named square and its name. */
const NAME_GAP = 6;
/** A named list runs to a second column only past this many rows, and where the map is wide enough. */
const LIST_ROWS = 6;

/**
 * Units as equal squares in a block per group (their district), shaded like a choropleth. It makes
 * no claim about shape or position within a district, which is all that is known without
 * commune boundaries; blocks flow left to right and wrap.
 */
export function tileMap(groups: TileGroup[], values: Map<string, MapDatum>, o: MapOptions): Chart {
  // Narrow enough to stay legible on a phone without scaling the squares down much.
  const width = o.width ?? 480;
  const shade = shader(o.breaks, o.id);
  const blocks: string[] = [];
  let x = EDGE;
  let y = 0;
  let rowHeight = 0;
  // A block is never wider than the map: a district of many communes on a phone's 300 px wraps
  // into more rows instead of running past the edge.
  const fit = Math.max(1, Math.floor((width - EDGE) / (TILE + GAP)));
  for (const g of groups) {
    // Named (a few districts, as `labels` asks): each square has its name and value beside it, in
    // columns of a list, so that a reader, and a printed copy, can tell which square is which.
    const names = o.labels
      ? g.units.map((code) => fitText(datumLabel(code, values.get(code), o.format, o.missingLabel), width - EDGE - TILE - NAME_GAP, 12))
      : [];
    const column = o.labels ? TILE + NAME_GAP + Math.ceil(Math.max(0, ...names.map((n) => chartTextWidth(n, 12)))) + PAD : TILE + GAP;
    const cols = o.labels
      ? Math.max(1, Math.min(Math.floor((width - EDGE + PAD) / column), Math.ceil(g.units.length / LIST_ROWS)))
      : Math.min(fit, Math.max(3, Math.ceil(Math.sqrt(g.units.length * 1.6))));
    const rows = Math.ceil(g.units.length / cols);
    // The district's name as wide as it is drawn (bold), cut short only where it is wider than the map.
    const name = fitText(g.name, (width - EDGE) / BOLD, 12);
    const w = Math.max(cols * column - (o.labels ? PAD : 0), Math.ceil(chartTextWidth(name, 12) * BOLD));
    const h = HEADER + rows * (TILE + GAP);
    if (x > EDGE && x + w > width) {
      x = EDGE;
      y += rowHeight + PAD;
      rowHeight = 0;
    }
    const tiles = g.units
      .map((code, i) => {
        const d = values.get(code);
        const label = datumLabel(code, d, o.format, o.missingLabel);
        // A list fills each column down before the next; squares fill each row across.
        const [col, row] = o.labels ? [Math.floor(i / rows), i % rows] : [i % cols, Math.floor(i / cols)];
        const tx = x + col * column;
        const ty = y + HEADER + row * (TILE + GAP);
        const named = o.labels
          ? el(
              'text',
              { x: tx + TILE + NAME_GAP, y: ty + 16, 'font-size': 12, fill: 'currentColor', 'aria-hidden': 'true' },
              escapeHtml(names[i]),
            )
          : '';
        return (
          named +
          unitMark(
            code,
            label,
            d,
            (data) =>
              el(
                'rect',
                {
                  x: tx,
                  y: ty,
                  width: TILE,
                  height: TILE,
                  rx: 2,
                  fill: shade(d),
                  stroke: code === o.highlight ? '#b45309' : '#94a3b8',
                  'stroke-width': code === o.highlight ? 2.5 : 0.8,
                  ...data,
                  'data-highlight': code === o.highlight ? 'true' : null,
                },
                el('title', {}, escapeHtml(label)),
              ),
            o.href?.(code),
          )
        );
      })
      .join('');
    blocks.push(
      el(
        'g',
        { class: 'tile-group', 'data-group': g.code },
        el('text', { x, y: y + 12, 'font-size': 12, 'font-weight': 'bold', fill: 'currentColor' }, escapeHtml(name)) + tiles,
      ),
    );
    x += w + PAD;
    rowHeight = Math.max(rowHeight, h);
  }
  const mapHeight = y + rowHeight;
  const legend = classLegend(EDGE, width - EDGE, o.legendTitle, o.breaks, o.format, [...values.values()], o.missingLabel, o.id, o.ceiling);
  const height = mapHeight + 8 + legend.height;
  return frame(
    o.id,
    width,
    height,
    o.title,
    o.description,
    hatchDef(o.id) +
      el('g', { class: 'shapes' }, blocks.join('')) +
      el('g', { transform: `translate(0 ${Math.round(mapHeight + 8)})` }, legend.markup),
    o.href ? 'group' : 'img',
  );
}
