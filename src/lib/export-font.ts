/**
 * The typeface of every exported figure (SVG, PNG, share image): Be Vietnam Pro, drawn for
 * Vietnamese and shipped with the site, so that lines are broken by what the text really measures
 * in the face it is drawn in, not by a guess per character. Build-side only: it reads font files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype, { type Font } from 'opentype.js';
import { wrapWith } from './text-measure.ts';

export const EXPORT_FONT_FAMILY = 'Be Vietnam Pro';

const resolve = createRequire(import.meta.url).resolve;
/** The font files, regular and bold: what the measurement, the PNG drawing and the share images use. */
export const EXPORT_FONT_FILES = {
  regular: resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
  bold: resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf'),
} as const;

type Weight = keyof typeof EXPORT_FONT_FILES;
const fonts = new Map<Weight, Font>();
function font(weight: Weight): Font {
  let f = fonts.get(weight);
  if (!f) {
    const bytes = readFileSync(EXPORT_FONT_FILES[weight]);
    f = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    fonts.set(weight, f);
  }
  return f;
}

// Shaping a whole line is slow (about 1 ms), and the same words recur in every figure: words are
// measured once each, at 1 px, and a line is its words plus its spaces (this face kerns no pair across a space).
// One map a weight: a key made of weight and word was a new string to hash at every lookup.
const wordWidths = new Map<Weight, Map<string, number>>();
function wordWidth(word: string, weight: Weight): number {
  let widths = wordWidths.get(weight);
  if (!widths) {
    widths = new Map();
    wordWidths.set(weight, widths);
  }
  let w = widths.get(word);
  if (w === undefined) {
    w = font(weight).getAdvanceWidth(word, 1, { kerning: true });
    widths.set(word, w);
  }
  return w;
}

/** How wide `text` is drawn at `size` px in the export face, kerning included. */
export function textWidth(text: string, size: number, weight: Weight = 'regular'): number {
  const words = text.split(' ');
  return size * (words.reduce((sum, w) => sum + (w ? wordWidth(w, weight) : 0), 0) + (words.length - 1) * wordWidth(' ', weight));
}

/** How far below a line's alphabetic baseline its middle one is (half the face's x-height), at a size in px. */
export function middleBaselineDrop(size: number): number {
  const f = font('regular');
  return (f.tables.os2.sxHeight / f.unitsPerEm / 2) * size;
}

/** Breaks text into lines no wider than `width` px in the export face (see `wrapWith`). */
export const wrapToWidth = (text: string, width: number, size: number, weight: Weight = 'regular'): string[] =>
  wrapWith((s) => textWidth(s, size, weight), text, width);

/** Every character a chart may draw: printable ASCII, Latin-1, Vietnamese's letters, and common signs. */
export const CHART_CHARACTERS = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i),
  ...[0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1a0, 0x1a1, 0x1af, 0x1b0],
  ...Array.from({ length: 0x1efa - 0x1ea0 }, (_, i) => 0x1ea0 + i),
  ...[0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x2030, 0x2212, 0x2264, 0x2265],
].map((c) => String.fromCodePoint(c));

/** The advance width of each of CHART_CHARACTERS at 1 px, regular weight (what src/lib/glyph-widths.json holds). */
export const glyphWidths = (): Record<string, number> =>
  Object.fromEntries(CHART_CHARACTERS.map((c) => [c, Math.round(font('regular').getAdvanceWidth(c, 1) * 10_000) / 10_000]));
