import { escapeHtml } from '../escape.ts';

/** Rounds coordinates so that the same data always gives the same SVG text (data-* values stay exact). */
export const r1 = (n: number) => Math.round(n * 10) / 10;

export function attrs(a: Record<string, string | number | null | undefined>): string {
  // Written in a loop, without arrays made and dropped for each element: charts write millions of
  // attributes in a build.
  let out = '';
  for (const k in a) {
    const v = a[k];
    if (v == null || v === '') continue;
    out += ` ${k}="${escapeHtml(typeof v === 'number' && !k.startsWith('data-') ? r1(v) : v)}"`;
  }
  return out;
}

export const el = (tag: string, a: Record<string, string | number | null | undefined>, children = '') =>
  `<${tag}${attrs(a)}>${children}</${tag}>`;

/** A drawn chart and the size it was drawn at, so that whatever places it never measures it back from the SVG. */
export interface Chart {
  svg: string;
  width: number;
  height: number;
}

/**
 * The accessible frame every chart shares: a titled, described image with a stable id
 * (a "group" instead when it holds links or focusable marks, which an image may not).
 */
export function frame(
  id: string,
  width: number,
  height: number,
  title: string,
  desc: string,
  body: string,
  role = 'img',
  kind = '',
): Chart {
  const svg = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role,
      'aria-labelledby': `${id}-title ${id}-desc`,
      class: kind ? `chart ${kind}` : 'chart',
      id,
    },
    el('title', { id: `${id}-title` }, escapeHtml(title)) + el('desc', { id: `${id}-desc` }, escapeHtml(desc)) + body,
  );
  return { svg, width, height };
}

/** A data mark reachable by keyboard: a link to its page when it has one, else a labelled image in the tab order. */
export const focusable = (label: string, mark: string, href?: string) =>
  href ? el('a', { href, 'aria-label': label }, mark) : el('g', { role: 'img', 'aria-label': label, tabindex: 0 }, mark);

/** Text of several lines, each a line height (14 px at 12 px) below the one before, the first at `a.y`. */
export const multiline = (lines: string[], a: Record<string, string | number>) =>
  el(
    'text',
    a,
    lines.length === 1
      ? escapeHtml(lines[0])
      : lines.map((line, i) => el('tspan', { x: a.x, dy: i === 0 ? 0 : 14 }, escapeHtml(line))).join(''),
  );

/**
 * A box of the background's colour to put under a label that lines cross; white in a file opened
 * elsewhere, and the page's stylesheet gives it the dark background in dark mode.
 */
export const LABEL_BOX = { class: 'label-box', fill: '#ffffff', 'fill-opacity': 0.9 };

/** An invisible disc around a small mark, so that a finger finds it: 24 px across (WCAG 2.5.8). */
export const hitArea = (cx: number, cy: number) => el('circle', { cx, cy, r: 12, fill: '#000', 'fill-opacity': 0, class: 'hit' });

/** Charts narrower than this are laid out for a phone: labels above their marks, legends below maps. */
export const COMPACT = 480;

/** The width a chart is drawn at for a phone: a 360-px screen shows it at about this size, so its 12-px text stays at least 12 px. */
export const NARROW_WIDTH = 300;

/** A chart drawn for a wide screen and for a phone; `draw` gets the width (undefined: its own) and a suffix for its ids. */
export const drawnTwice = (draw: (width: number | undefined, idSuffix: string) => Chart) => ({
  chart: draw(undefined, ''),
  chartNarrow: draw(NARROW_WIDTH, '-narrow'),
});
