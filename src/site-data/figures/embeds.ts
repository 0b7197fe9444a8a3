import { LOCALES, type Locale } from '../../i18n/t.ts';
import type { FigureModel } from '../../lib/figure.ts';
import { localePath } from '../../lib/routes.ts';
import { once } from '../memo.ts';
import { listFigures } from './registry.ts';

export interface EmbedProps {
  locale: Locale;
  figure: FigureModel;
}

/**
 * Every figure in both languages, built once per build and shared by the embed pages and the
 * figure files (SVG, CSV) next to them. Figures a unit lacks (no deprivation data, say) are left out.
 */
export async function embedPaths(base: string) {
  const all = await once('embed-paths', async () => {
    const entries = await listFigures();
    const out: { params: { lang: Locale; id: string }; props: EmbedProps }[] = [];
    for (const locale of LOCALES) {
      for (const entry of entries) {
        const figure = await entry.build(locale, (path) => localePath(base, locale, path));
        if (figure) out.push({ params: { lang: locale, id: entry.id }, props: { locale, figure } });
      }
    }
    return out;
  });
  // Fresh path objects for each route: Astro keeps its own state on them.
  return all.map((p) => ({ params: { ...p.params }, props: p.props }));
}
