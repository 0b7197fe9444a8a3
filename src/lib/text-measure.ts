/**
 * How wide a chart's text is drawn, without reading a font file: charts are drawn at build time
 * and, on the explore page, in the browser. Each character is its advance in the export face
 * (glyph-widths.json, written from the font by `npm run glyph-widths`). Pairs are not kerned, and
 * the pairs the face kerns apart (ư and a closing bracket, by up to 8 %) are covered by counting
 * every text 8 % wider.
 */
import GLYPHS from './glyph-widths.json' with { type: 'json' };

const WIDTHS = GLYPHS as Record<string, number>;
const KERNING_ROOM = 1.08;
/** How much wider bold text is drawn than the regular widths it is measured with (at most). */
export const BOLD = 1.1;
/** A character the table lacks counts as the widest one it has. */
const WIDEST = Math.max(...Object.values(WIDTHS));

/** The width of `text` at `size` px. */
export function chartTextWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += WIDTHS[c] ?? WIDEST;
  return em * size * KERNING_ROOM;
}

/**
 * Breaks text at spaces into lines no wider than `width` as `measure` measures them. A single word
 * wider than the line is cut where it no longer fits, so that no line ever runs past the edge.
 * `measure` must add up over words: a line is as wide as its first word and each further word with
 * the space before it (both measures here are sums of advances, and no face kerns across a space).
 * A line's width is so carried forward, not measured again for every word: a long source line of a
 * figure's footer had made wrapping quadratic, half a second of the site's build.
 */
export function wrapWith(measure: (text: string) => number, text: string, width: number): string[] {
  const fits = (s: string) => measure(s) <= width;
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (let word of text.split(/\s+/).filter(Boolean)) {
    let joinedWidth = line ? lineWidth + measure(` ${word}`) : measure(word);
    // Added up word by word, a line can come out a hair wider in floating point than measured
    // whole (a label given exactly its own width wrapped): where that decides, it is measured whole.
    if (line && joinedWidth > width && joinedWidth < width + 1) joinedWidth = measure(`${line} ${word}`);
    if (joinedWidth <= width) {
      line = line ? `${line} ${word}` : word;
      lineWidth = joinedWidth;
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
    lineWidth = measure(word);
  }
  return line ? [...lines, line] : lines;
}

/** `text` in lines no wider than `width` at `size` px. */
export const wrapChartText = (text: string, width: number, size: number): string[] => wrapWith((s) => chartTextWidth(s, size), text, width);

/**
 * `text` as it fits in `width` px at `size`: whole, or cut at a character and ended with "…". For
 * a name from data drawn where nothing else can give it room (a dot's label at a chart's edge);
 * the whole name stays in the figure's description and table.
 */
export function fitText(text: string, width: number, size: number): string {
  if (chartTextWidth(text, size) <= width) return text;
  const chars = [...text];
  let keep = chars.length - 1;
  while (keep > 0 && chartTextWidth(`${chars.slice(0, keep).join('').trimEnd()}…`, size) > width) keep--;
  return `${chars.slice(0, keep).join('').trimEnd()}…`;
}
