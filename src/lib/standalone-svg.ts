import { t, type Locale } from '../i18n/t.ts';
import { escapeHtml } from './escape.ts';
import { EXPORT_FONT_FAMILY, textWidth, wrapToWidth } from './export-font.ts';
import type { FigureModel } from './figure.ts';
import type { Manifest } from './manifest.ts';
import { provincePlace } from './place.ts';
import { INK, portableSvg } from './portable-svg.ts';

const TITLE = { size: 18, lineHeight: 22, weight: 'bold' } as const;
const FOOTER = { size: 12, lineHeight: 16, weight: 'regular' } as const;

/**
 * Lines of text, each held to the width it measures in the export face: where another face
 * stands in (an SVG opened without the font), it is fitted to the same width, so no line clips.
 */
const textLines = (lines: string[], x: number, y: number, style: typeof TITLE | typeof FOOTER, fill: string) =>
  lines
    .map((l, i) => {
      const length = Math.floor(textWidth(l, style.size, style.weight) * 10) / 10;
      const bold = style.weight === 'bold' ? ' font-weight="bold"' : '';
      return `<text x="${x}" y="${y + i * style.lineHeight}" font-size="${style.size}"${bold} fill="${fill}" textLength="${length}" lengthAdjust="spacingAndGlyphs">${escapeHtml(l)}</text>`;
    })
    .join('');

/**
 * A figure as one SVG file that stands on its own, as a download or in a report: the chart with
 * its title above and, below, the illustrative label (when it applies), source, dataset version
 * and licence, so the image never travels without saying where it comes from. Title, chart and
 * notes share one margin: a chart that draws to its own edge (a tile map) lines up with its title
 * instead of touching the image's edge.
 */
export function standaloneSvg(figure: FigureModel, locale: Locale, manifest: Manifest): string {
  const { width: inner, height } = figure.chart;
  const pad = 16;
  const width = inner + 2 * pad;
  const footerLines = (text: string) => wrapToWidth(text, inner, FOOTER.size, FOOTER.weight);
  const title = wrapToWidth(figure.title, inner, TITLE.size, TITLE.weight);
  const top = pad + TITLE.size + (title.length - 1) * TITLE.lineHeight + 12;
  const d = manifest.dataset;
  const warning = figure.illustrative ? footerLines(`${t(locale, 'illustrative.badge')}: ${t(locale, 'illustrative.short')}`) : [];
  const footer = [
    ...warning,
    ...figure.notes.filter(Boolean).flatMap(footerLines),
    ...footerLines(`${t(locale, 'source')}: ${figure.source}`),
    ...footerLines(
      t(locale, 'figure.credit', { place: provincePlace(locale, d.province), id: d.id, version: d.version, licence: d.licence.id }),
    ),
  ];
  const bottom = top + height + 16;
  const total = bottom + footer.length * FOOTER.lineHeight + pad;
  const chart = `<g transform="translate(${pad} ${top})">${portableSvg(figure.chart.svg)}</g>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" font-family="'${EXPORT_FONT_FAMILY}', system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    textLines(title, pad, pad + TITLE.size, TITLE, INK) +
    chart +
    (warning.length
      ? `<rect x="${pad - 4}" y="${bottom - 13}" width="${inner + 8}" height="${warning.length * FOOTER.lineHeight + 4}" fill="#fef3c7"/>`
      : '') +
    textLines(footer, pad, bottom, FOOTER, '#334155') +
    '</svg>\n'
  );
}
