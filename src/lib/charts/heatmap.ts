import { scaleSequential, interpolateBlues } from 'd3';
import { escapeHtml } from '../escape.ts';
import { textWidth } from '../export-font.ts';
import { el, frame, type Chart } from './svg.ts';

export interface HeatmapOptions {
  id: string;
  title: string;
  description: string;
  format: (v: number) => string;
  missingLabel: string;
  /** Highest value of the colour scale (values are shares, 0–100). */
  top: number;
}

export interface HeatmapCell {
  value: number | null;
  /** Why there is no value, when there is none. */
  missing?: string;
}

const CELL_W = 36;
const CELL_H = 26;
/** How far column headings lean back from the horizontal, in degrees. */
const SLANT = 50;

/**
 * A grid of rows × columns, each cell shaded by its value and labelled with it, so that it reads
 * without colour too; column headings are slanted to fit long unit names.
 */
export function heatmap(
  rows: { key: string; label: string }[],
  columns: { key: string; label: string }[],
  cell: (row: string, col: string) => HeatmapCell,
  o: HeatmapOptions,
): Chart {
  // A slanted heading rises and runs right by its measured length, and a row's name runs left
  // from the grid: the box makes room for the longest of each (another province's district names
  // may be twice Quảng Ninh's), at least as much as Quảng Ninh's take.
  const [sin, cos] = [Math.sin((SLANT * Math.PI) / 180), Math.cos((SLANT * Math.PI) / 180)];
  const longestHead = Math.max(0, ...columns.map((c) => textWidth(c.label, 12)));
  const longestRow = Math.max(0, ...rows.map((r) => textWidth(r.label, 12)));
  const m = {
    top: Math.max(120, Math.ceil(6 + longestHead * sin + 12 * cos + 2)),
    left: Math.max(210, Math.ceil(8 + longestRow + 2)),
    right: Math.max(90, Math.ceil(longestHead * cos - CELL_W / 2 + 4)),
    bottom: 8,
  };
  const width = m.left + columns.length * CELL_W + m.right;
  const height = m.top + rows.length * CELL_H + m.bottom;
  const colour = scaleSequential(interpolateBlues).domain([0, o.top || 1]);
  const heads = columns
    .map((c, j) => {
      const x = m.left + j * CELL_W + CELL_W / 2;
      return el(
        'text',
        { x, y: m.top - 6, transform: `rotate(-${SLANT} ${x} ${m.top - 6})`, 'font-size': 12, fill: 'currentColor' },
        escapeHtml(c.label),
      );
    })
    .join('');
  const body = rows
    .map((r, i) => {
      const y = m.top + i * CELL_H;
      const label = el(
        'text',
        { x: m.left - 8, y: y + CELL_H / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', 'font-size': 12, fill: 'currentColor' },
        escapeHtml(r.label),
      );
      const cells = columns
        .map((c, j) => {
          const d = cell(r.key, c.key);
          const text = d.value == null ? (d.missing ?? o.missingLabel) : o.format(d.value);
          const name = `${c.label}, ${r.label}: ${text}`;
          const dark = d.value != null && d.value > (o.top || 1) * 0.55;
          return el(
            'g',
            { role: 'img', 'aria-label': name, tabindex: 0, 'data-row': r.key, 'data-col': c.key, 'data-value': d.value ?? '' },
            el(
              'rect',
              { x: m.left + j * CELL_W, y, width: CELL_W - 1, height: CELL_H - 1, fill: d.value == null ? '#e5e5e5' : colour(d.value) },
              el('title', {}, escapeHtml(name)),
            ) +
              el(
                'text',
                {
                  x: m.left + j * CELL_W + CELL_W / 2,
                  y: y + CELL_H / 2,
                  'text-anchor': 'middle',
                  'dominant-baseline': 'middle',
                  'font-size': 12,
                  fill: dark ? '#ffffff' : '#1e293b',
                  'pointer-events': 'none',
                },
                d.value == null ? '–' : escapeHtml(String(Math.round(d.value))),
              ),
          );
        })
        .join('');
      return label + cells;
    })
    .join('');
  // Too wide for a phone at a legible size: it keeps its size and its box scrolls sideways.
  return frame(o.id, width, height, o.title, o.description, heads + body, 'group', 'chart-fixed');
}
