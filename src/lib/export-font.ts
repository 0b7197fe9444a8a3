/**
 * The typeface of every exported figure (SVG, PNG, share image): Be Vietnam Pro, drawn for
 * Vietnamese and shipped with the site, so that lines are broken by what the text really measures
 * in the face it is drawn in, not by a guess per character. Build-side only: it reads font files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype, { type Font } from 'opentype.js';

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
const wordWidths = new Map<string, number>();
function wordWidth(word: string, weight: Weight): number {
  const key = `${weight}:${word}`;
  let w = wordWidths.get(key);
  if (w === undefined) {
    w = font(weight).getAdvanceWidth(word, 1, { kerning: true });
    wordWidths.set(key, w);
  }
  return w;
}

/** How wide `text` is drawn at `size` px in the export face, kerning included. */
export function textWidth(text: string, size: number, weight: Weight = 'regular'): number {
  const words = text.split(' ');
  return size * (words.reduce((sum, w) => sum + (w ? wordWidth(w, weight) : 0), 0) + (words.length - 1) * wordWidth(' ', weight));
}

/**
 * Breaks text at spaces into lines no wider than `width` px. A single word wider than the line is
 * cut where it no longer fits, so that no line ever runs past the edge.
 */
export function wrapToWidth(text: string, width: number, size: number, weight: Weight = 'regular'): string[] {
  const fits = (s: string) => textWidth(s, size, weight) <= width;
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    while (word.length > 1 && !fits(word)) {
      let cut = word.length - 1;
      while (cut > 1 && !fits(word.slice(0, cut))) cut--;
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    line = word;
  }
  return line ? [...lines, line] : lines;
}
