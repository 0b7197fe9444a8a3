import { unescapeHtml } from './escape.ts';
import { middleBaselineDrop, textWidth } from './export-font.ts';

const attributes = (list: string) => new Map([...list.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const written = (attrs: Map<string, string>) => [...attrs].map(([k, v]) => ` ${k}="${v}"`).join('');

/** The colour of a figure's text and rules in a file. */
export const INK = '#0f172a';

/** The width a run of text measures in the export face, one decimal down, as textLength. */
const measured = (escaped: string, size: number, bold: boolean) =>
  String(Math.floor(textWidth(unescapeHtml(escaped), size, bold ? 'bold' : 'regular') * 10) / 10);

/**
 * A chart's SVG made to read the same in renderers other than a browser's, for the files people
 * put into reports (Word, LibreOffice, a PDF): each label is held to the width it measures in the
 * export face (textLength), so that the face standing in for it neither overruns its neighbours
 * nor the plot; a label centred on its y (dominant-baseline, which LibreOffice and Microsoft's
 * renderers ignore, setting it a third of a line too high) is moved down to its alphabetic
 * baseline; and a label on a halo (paint-order, which those renderers ignore, drawing the halo
 * over the letters) becomes a halo drawn first and the label over it. What a page draws in its
 * text's colour (currentColor) is drawn in the ink it has on paper, a colour the file names.
 */
export function portableSvg(svg: string): string {
  return svg
    .replaceAll('"currentColor"', `"${INK}"`)
    .replace(/<text\b([^>]*)>([\s\S]*?)<\/text>/g, (whole, list: string, inner: string) => {
      const attrs = attributes(list);
      const size = Number(attrs.get('font-size'));
      if (!size || attrs.has('textLength')) return whole;
      const bold = /bold|[6-9]00/.test(attrs.get('font-weight') ?? '');
      const fitted = inner.includes('<tspan')
        ? inner.replace(/<tspan\b([^>]*)>([^<]*)<\/tspan>/g, (_, own: string, text: string) =>
            text.trim() ? `<tspan${own} textLength="${measured(text, size, bold)}" lengthAdjust="spacingAndGlyphs">${text}</tspan>` : _,
          )
        : inner;
      if (attrs.get('dominant-baseline') === 'middle') {
        attrs.delete('dominant-baseline');
        attrs.set('y', String(Math.round((Number(attrs.get('y') ?? 0) + middleBaselineDrop(size)) * 10) / 10));
      }
      if (!inner.includes('<') && inner.trim()) {
        attrs.set('textLength', measured(inner, size, bold));
        attrs.set('lengthAdjust', 'spacingAndGlyphs');
      }
      if (attrs.get('paint-order') !== 'stroke' || !attrs.has('stroke')) return `<text${written(attrs)}>${fitted}</text>`;
      const halo = new Map(attrs);
      halo.delete('paint-order');
      halo.set('fill', attrs.get('stroke')!);
      halo.set('stroke-linejoin', 'round');
      const label = new Map(attrs);
      for (const k of ['paint-order', 'stroke', 'stroke-width']) label.delete(k);
      return `<text${written(halo)}>${fitted}</text><text${written(label)}>${fitted}</text>`;
    });
}
