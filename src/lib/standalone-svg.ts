import { t, type Locale } from '../i18n/t.ts';
import { escapeHtml } from './escape.ts';
import { svgSize, type FigureModel } from './figure.ts';
import type { Manifest } from './manifest.ts';

/** Breaks text into lines of at most `chars` characters, at spaces. */
export function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

const textLines = (lines: string[], x: number, y: number, size: number, lineHeight: number, extra = '') =>
  lines.map((l, i) => `<text x="${x}" y="${y + i * lineHeight}" font-size="${size}"${extra}>${escapeHtml(l)}</text>`).join('');

/**
 * A figure as one SVG file that stands on its own, as a download or in a report: the chart with
 * its title above and, below, the illustrative label (when it applies), source, dataset version
 * and licence, so the image never travels without saying where it comes from.
 */
export function standaloneSvg(figure: FigureModel, locale: Locale, manifest: Manifest): string {
  const { width, height } = svgSize(figure.svg);
  const pad = 16;
  const chars = Math.floor((width - 2 * pad) / 7);
  const title = wrap(figure.title, Math.floor((width - 2 * pad) / 9.5));
  const top = pad + 18 + (title.length - 1) * 22 + 12;
  const d = manifest.dataset;
  const warning = figure.illustrative ? wrap(`${t(locale, 'illustrative.badge')}: ${t(locale, 'illustrative.short')}`, chars) : [];
  const footer = [
    ...warning,
    ...figure.notes.filter(Boolean).flatMap((n) => wrap(n, chars)),
    ...wrap(`${t(locale, 'source')}: ${figure.source}`, chars),
    ...wrap(t(locale, 'figure.credit', { id: d.id, version: d.version, licence: d.licence.id }), chars),
  ];
  const bottom = top + height + 16;
  const total = bottom + footer.length * 16 + pad;
  const chart = figure.svg.replace(/^<svg /, `<svg x="0" y="${top}" `);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" color="#0f172a">`
    + `<rect width="100%" height="100%" fill="#ffffff"/>`
    + textLines(title, pad, pad + 18, 18, 22, ' font-weight="bold" fill="#0f172a"')
    + chart
    + (warning.length ? `<rect x="${pad - 4}" y="${bottom - 13}" width="${width - 2 * pad + 8}" height="${warning.length * 16 + 4}" fill="#fef3c7"/>` : '')
    + textLines(footer, pad, bottom, 12, 16, ' fill="#334155"')
    + '</svg>\n';
}
