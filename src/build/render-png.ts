import { Resvg } from '@resvg/resvg-js';
import { EXPORT_FONT_FAMILY, EXPORT_FONT_FILES } from '../lib/export-font.ts';

/** An SVG drawn to PNG at its own size, in the export face only (no system fonts: the same bytes on every machine). */
export const renderPng = (svg: string): Buffer =>
  new Resvg(svg, {
    font: { fontFiles: Object.values(EXPORT_FONT_FILES), loadSystemFonts: false, defaultFontFamily: EXPORT_FONT_FAMILY },
  })
    .render()
    .asPng();
