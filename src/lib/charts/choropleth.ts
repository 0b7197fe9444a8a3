import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geoMercator, geoPath } from 'd3';
import { escapeHtml } from '../escape.ts';
import { textWidth } from '../export-font.ts';
import { classLegend, datumLabel, hatchDef, shader, unitMark, type MapDatum } from './legend.ts';
import { COMPACT, el, frame, type Chart } from './svg.ts';

export interface MapOptions {
  id: string;
  title: string;
  description: string;
  format: (v: number) => string;
  missingLabel: string;
  legendTitle: string;
  /** Upper bounds of each class but the last. */
  breaks: number[];
  /** The largest value the measure can take (100 for a share): a last class that starts there holds that value alone. */
  ceiling?: number;
  href?: (code: string) => string;
  /** A unit to outline (drawn last, so its border is on top). */
  highlight?: string;
  /** Write each unit's name on its shape where it fits, or beside its square on a tile map (district maps, so a printed copy says which is which). */
  labels?: boolean;
  /** Islands drawn in an inset box under the legend, each with its label (a country's offshore archipelagos). */
  inset?: {
    islands: FeatureCollection<Geometry, Record<string, unknown>>;
    labels: { id: string; lines: string[]; of: string }[];
    title: string;
  };
  width?: number;
  height?: number;
}

export interface ChoroplethOptions extends MapOptions {
  /** The feature property that holds the unit code. */
  key: string;
}

const LEGEND_WIDTH = 170;

type Shape = Feature<Geometry, Record<string, unknown>>;
type Shapes = FeatureCollection<Geometry, Record<string, unknown>>;

/** A function of a shape, worked out once per shape. */
function perShape<T>(f: (shape: Shape) => T): (shape: Shape) => T {
  const known = new Map<Shape, T>();
  return (shape) => {
    if (!known.has(shape)) known.set(shape, f(shape));
    return known.get(shape)!;
  };
}

/** Shapes fitted to a map's box: each one's path, area, bounds and centre, worked out when first asked. */
interface Fitted {
  mapHeight: number;
  d: (shape: Shape) => string;
  area: (shape: Shape) => number;
  bounds: (shape: Shape) => [[number, number], [number, number]];
  centroid: (shape: Shape) => [number, number];
}

function fitToBox(geo: Shapes, width: number, height: number, compact: boolean): Fitted {
  // A margin all round, so that no coast or border touches the edge of the image.
  const margin = 8;
  const projection = compact
    ? geoMercator().fitExtent(
        [
          [margin, margin],
          [width - margin, width * 4],
        ],
        geo,
      )
    : geoMercator().fitExtent(
        [
          [margin, margin],
          [width - LEGEND_WIDTH - margin, height - margin],
        ],
        geo,
      );
  if (compact) {
    // The fit centres the shapes in a box four widths tall: a province wider than it is tall
    // would stand at the middle of it, hundreds of empty pixels below the page's heading. It
    // starts at the top instead, and the map is as tall as its shapes.
    const [[, top]] = geoPath(projection).bounds(geo);
    const [x, y] = projection.translate();
    projection.translate([x, y - top + margin]);
  }
  // A phone-sized map needs no sub-pixel detail.
  const path = geoPath(projection).digits(compact ? 0 : 1);
  return {
    mapHeight: compact ? Math.ceil(path.bounds(geo)[1][1]) + margin : height,
    d: perShape((f) => path(f) ?? ''),
    area: perShape((f) => path.area(f)),
    bounds: perShape((f) => path.bounds(f)),
    centroid: perShape((f) => path.centroid(f)),
  };
}

/**
 * Shapes are fitted once per box and kept by the shapes themselves: every view of a map (measure,
 * year, standard, language) draws the same shapes in the same box, and projecting them each time
 * was most of the time a map took to draw.
 */
const fittings = new WeakMap<Shape, { shapes: Shape[]; box: string; fitted: Fitted }[]>();

function fitted(geo: Shapes, width: number, height: number, compact: boolean): Fitted {
  const [first] = geo.features;
  if (!first) return fitToBox(geo, width, height, compact);
  const box = `${width} ${height} ${compact}`;
  const known = fittings.get(first) ?? [];
  const same = known.find(
    (k) => k.box === box && k.shapes.length === geo.features.length && k.shapes.every((shape, i) => shape === geo.features[i]),
  );
  if (same) return same.fitted;
  const made = fitToBox(geo, width, height, compact);
  fittings.set(first, [...known, { shapes: [...geo.features], box, fitted: made }]);
  return made;
}

/** A choropleth as SVG text: one path per feature, a class legend, and a label on every shape. */
export function choropleth(
  geo: FeatureCollection<Geometry, Record<string, unknown>>,
  values: Map<string, MapDatum>,
  o: ChoroplethOptions,
): Chart {
  const width = o.width ?? 640;
  // On a phone the map has the whole width, with its legend (and inset) below it.
  const compact = width < COMPACT;
  const shapesIn = fitted(geo, width, o.height ?? 440, compact);
  const { mapHeight } = shapesIn;
  const shade = shader(o.breaks, o.id);

  const codeOf = (f: Feature<Geometry, Record<string, unknown>>) => String(f.properties[o.key]);
  const ordered = [...geo.features].sort((a, b) => Number(codeOf(a) === o.highlight) - Number(codeOf(b) === o.highlight));
  const shapes = ordered
    .map((f) => {
      const code = codeOf(f);
      const marked = code === o.highlight;
      const datum = values.get(code);
      const label = datumLabel(code, datum, o.format, o.missingLabel);
      return unitMark(
        code,
        label,
        datum,
        (data) =>
          el(
            'path',
            {
              d: shapesIn.d(f),
              fill: shade(datum),
              stroke: marked ? '#b45309' : '#ffffff',
              'stroke-width': marked ? 2.5 : 0.8,
              ...data,
              'data-highlight': marked ? 'true' : null,
            },
            el('title', {}, escapeHtml(label)),
          ),
        o.href?.(code),
      );
    })
    .join('');

  // Names on the shapes that have room for them, without their "Huyện"/"Thành phố" prefix, haloed to stay legible.
  // Largest shapes first; a name that would overlap one already written is left to the tooltip and the table.
  const placed: [number, number, number, number][] = [];
  const names =
    o.labels && !compact
      ? [...geo.features]
          .sort((a, b) => shapesIn.area(b) - shapesIn.area(a))
          .map((f) => {
            const name = values.get(codeOf(f))?.name.replace(/^(Huyện|Thành phố|Thị xã|Quận|Xã|Phường|Thị trấn) /, '') ?? '';
            const [[x0, y0], [x1, y1]] = shapesIn.bounds(f);
            const half = textWidth(name, 12) / 2 + 2;
            if (!name || x1 - x0 < 2 * half || y1 - y0 < 14) return '';
            const [cx, cy] = shapesIn.centroid(f);
            const box: [number, number, number, number] = [cx - half, cy - 9, cx + half, cy + 9];
            // Within the map's own part of the box: a name whose shape's centre lies near the edge
            // would otherwise run into the legend beside it, or out of the picture.
            const outside = box[0] < 0 || box[2] > width - LEGEND_WIDTH + 8 || box[1] < 0 || box[3] > mapHeight;
            if (outside || placed.some((p) => box[0] < p[2] && p[0] < box[2] && box[1] < p[3] && p[1] < box[3])) return '';
            placed.push(box);
            return el(
              'text',
              {
                x: cx,
                y: cy,
                'text-anchor': 'middle',
                'dominant-baseline': 'middle',
                'font-size': 12,
                fill: '#0f172a',
                stroke: '#ffffff',
                'stroke-width': 3,
                'paint-order': 'stroke',
                'pointer-events': 'none',
                'aria-hidden': 'true',
              },
              escapeHtml(name),
            );
          })
          .join('')
      : '';
  const legendX = compact ? 0 : width - LEGEND_WIDTH + 16;
  const legend = classLegend(
    legendX,
    compact ? width : width - legendX - 4,
    o.legendTitle,
    o.breaks,
    o.format,
    [...values.values()],
    o.missingLabel,
    o.id,
    o.ceiling,
  );
  const legendY = compact ? mapHeight + 4 : 0;
  const insetY = compact ? legendY + legend.height + 8 : mapHeight - INSET_HEIGHT - 4;
  const inset = o.inset
    ? insetBox(o.inset, compact ? 0 : width - LEGEND_WIDTH + 8, insetY, compact ? Math.min(width, 220) : LEGEND_WIDTH - 12, (code) =>
        shade(values.get(code)),
      )
    : '';
  const height = compact ? (o.inset ? insetY + INSET_HEIGHT + 4 : legendY + legend.height + 4) : mapHeight;
  return frame(
    o.id,
    width,
    height,
    o.title,
    o.description,
    hatchDef(o.id) +
      el('g', { class: 'shapes', 'data-geographic': 'true' }, shapes) +
      (names ? el('g', { class: 'names' }, names) : '') +
      (compact ? el('g', { transform: `translate(0 ${legendY})` }, legend.markup) : legend.markup) +
      inset,
    o.href ? 'group' : 'img',
  );
}

const INSET_HEIGHT = 250;

/** Where the islands of an inset fall in its box, by island and by archipelago (its top left corner). */
interface InsetPlaces {
  centroid: (island: Shape) => [number, number];
  topLeft: (archipelago: string) => [number, number] | undefined;
}

/** Like fittings: the same islands in the same box on every map of a build, placed once. */
const insetPlacings = new WeakMap<Shapes, Map<string, InsetPlaces>>();

function insetPlaces(inset: NonNullable<MapOptions['inset']>, x: number, y: number, width: number, pad: number): InsetPlaces {
  const known = insetPlacings.get(inset.islands) ?? new Map<string, InsetPlaces>();
  insetPlacings.set(inset.islands, known);
  const box = `${x} ${y} ${width} ${pad}`;
  if (!known.has(box)) {
    const projection = geoMercator().fitExtent(
      [
        [x + pad, y + 72],
        [x + width - pad, y + INSET_HEIGHT - pad],
      ],
      inset.islands,
    );
    const path = geoPath(projection).digits(1);
    const corners = new Map<string, [number, number] | undefined>();
    known.set(box, {
      centroid: perShape((f) => path.centroid(f)),
      topLeft: (archipelago) => {
        if (!corners.has(archipelago)) {
          const members = inset.islands.features.filter((f) => f.properties.archipelago === archipelago);
          corners.set(archipelago, members.length === 0 ? undefined : path.bounds({ type: 'FeatureCollection', features: members })[0]);
        }
        return corners.get(archipelago);
      },
    });
  }
  return known.get(box)!;
}

/**
 * An inset: the islands on their own projection inside a framed box, each group labelled at
 * the top of its islands. Islands take the colour of the unit they belong to (`fillOf(of)`).
 */
function insetBox(inset: NonNullable<MapOptions['inset']>, x: number, y: number, width: number, fillOf: (code: string) => string): string {
  const pad = 8;
  const placed = insetPlaces(inset, x, y, width, pad);
  const islands = inset.islands.features
    .map((f) => {
      const label = inset.labels.find((l) => l.id === f.properties.archipelago);
      // Islands are specks at any scale a page can show: each gets a dot, as on printed maps of Vietnam.
      const [cx, cy] = placed.centroid(f);
      return el('circle', {
        cx,
        cy,
        r: 2.6,
        fill: label ? fillOf(label.of) : '#94a3b8',
        stroke: '#334155',
        'stroke-width': 0.8,
        'data-archipelago': String(f.properties.archipelago),
      });
    })
    .join('');
  const labels = inset.labels
    .map((l) => {
      const corner = placed.topLeft(l.id);
      if (!corner) return '';
      const [x0, y0] = corner;
      const top = Math.max(y + 32, y0 - 6 - (l.lines.length - 1) * 13);
      return el(
        'text',
        // The page's text colour (dark on a dark page too); a downloaded file sets it to near-black.
        { x: x + pad, y: top, 'font-size': 12, fill: 'currentColor', 'data-archipelago-label': l.id, 'data-x': Math.round(x0) },
        l.lines.map((line, i) => el('tspan', { x: x + pad, dy: i === 0 ? 0 : 13 }, escapeHtml(line))).join(''),
      );
    })
    .join('');
  return el(
    'g',
    { class: 'inset' },
    el('rect', { x, y, width, height: INSET_HEIGHT, fill: 'none', stroke: '#64748b', 'stroke-width': 0.8 }) +
      el('text', { x: x + pad, y: y + 14, 'font-size': 12, 'font-weight': 'bold', fill: 'currentColor' }, escapeHtml(inset.title)) +
      islands +
      labels,
  );
}
