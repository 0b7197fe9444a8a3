import { t, type Locale } from '../i18n/t.ts';
import { escapeHtml } from './escape.ts';
import { EXPORT_FONT_FAMILY, textWidth, wrapToWidth } from './export-font.ts';
import type { FigureModel } from './figure.ts';
import type { Manifest } from './manifest.ts';

/** The size link previews (Open Graph, Zalo, Facebook, X) show without cropping. */
export const SHARE_SIZE = { width: 1200, height: 630 } as const;
const PAD = 40;
const TITLE = { size: 36, lineHeight: 44, maxLines: 2 };
const FOOT = { size: 20, lineHeight: 26 };

/** At most `max` lines; when the text needs more, the last one ends in an ellipsis that still fits. */
function clamp(lines: string[], max: number, width: number, size: number, weight: 'regular' | 'bold'): string[] {
  if (lines.length <= max) return lines;
  let last = lines[max - 1];
  while (last && textWidth(`${last}…`, size, weight) > width) last = last.slice(0, -1).trimEnd();
  return [...lines.slice(0, max - 1), `${last}…`];
}

const line = (text: string, x: number, y: number, size: number, weight: 'regular' | 'bold', fill: string) =>
  `<text x="${x}" y="${y}" font-size="${size}"${weight === 'bold' ? ' font-weight="bold"' : ''} fill="${fill}">${escapeHtml(text)}</text>`;

/**
 * A page's main figure as the picture a shared link shows: its title, the chart scaled to fit,
 * the illustrative label when it applies, and the source, on a 1200 × 630 card.
 */
export function shareImageSvg(figure: FigureModel, locale: Locale, manifest: Manifest): string {
  const { width: W, height: H } = SHARE_SIZE;
  const inner = W - 2 * PAD;
  const title = clamp(wrapToWidth(figure.title, inner, TITLE.size, 'bold'), TITLE.maxLines, inner, TITLE.size, 'bold');
  const badge = figure.illustrative ? t(locale, 'illustrative.badge') : '';
  const badgeWidth = badge ? textWidth(badge, FOOT.size, 'bold') : 0;
  const sourceWidth = inner - (badge ? badgeWidth + 32 : 0);
  const source = clamp(
    wrapToWidth(`${t(locale, 'source')}: ${figure.source}`, sourceWidth, FOOT.size, 'regular'),
    1,
    sourceWidth,
    FOOT.size,
    'regular',
  );
  const footerY = H - PAD;
  const chartTop = PAD + TITLE.size + (title.length - 1) * TITLE.lineHeight + 20;
  const chartBottom = footerY - FOOT.size - 36;
  // The chart, drawn at its own size, scaled into the space between title and footer.
  const { width, height } = figure.chart;
  const chart =
    `<svg x="${PAD}" y="${chartTop}" width="${inner}" height="${chartBottom - chartTop}" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid meet">` +
    `${figure.chart.svg}</svg>`;
  const badgeBox = badge
    ? `<rect x="${W - PAD - badgeWidth - 24}" y="${footerY - FOOT.size - 6}" width="${badgeWidth + 24}" height="${FOOT.size + 14}" rx="4" fill="#fef3c7" stroke="#b45309"/>` +
      line(badge, W - PAD - badgeWidth - 12, footerY, FOOT.size, 'bold', '#78350f')
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="'${EXPORT_FONT_FAMILY}'" color="#0f172a">` +
    `<rect width="100%" height="100%" fill="#ffffff"/><rect width="100%" height="8" fill="#0f766e"/>` +
    title.map((l, i) => line(l, PAD, PAD + TITLE.size + i * TITLE.lineHeight, TITLE.size, 'bold', '#0f172a')).join('') +
    chart +
    line(`${t(locale, 'site.name')} · ${manifest.dataset.id}`, PAD, footerY - FOOT.lineHeight, FOOT.size - 2, 'bold', '#0f766e') +
    source.map((l) => line(l, PAD, footerY, FOOT.size, 'regular', '#334155')).join('') +
    badgeBox +
    '</svg>'
  );
}
