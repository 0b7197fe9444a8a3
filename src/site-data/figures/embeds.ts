import { LOCALES, type Locale } from '../../i18n/t.ts';
import type { FigureModel } from '../../lib/figure.ts';
import { figureFilesPath } from '../../lib/embed.ts';
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
    // All drawn at once: while one figure waits for its query, the next is drawn (one at a
    // time, the build's main thread sat idle for a third of the first seconds).
    const drawn = await Promise.all(
      LOCALES.flatMap((locale) =>
        entries.map(async (entry) => {
          const figure = await entry.draw(locale, base);
          return figure ? [{ params: { lang: locale, id: entry.id }, props: { locale, figure } satisfies EmbedProps }] : [];
        }),
      ),
    );
    return drawn.flat();
  });
  // Fresh path objects for each route: Astro keeps its own state on them.
  return all.map((p) => ({ params: { ...p.params }, props: p.props }));
}

/**
 * The figure a page leads with, in each language: the picture its shared link shows. Pages are
 * matched by the `page` of their figures; the first figure of a page in the registry is its main one.
 */
export async function sharePaths(base: string) {
  const seen = new Set<string>();
  return (await embedPaths(base)).filter(({ props: { locale, figure } }) => {
    const key = `${locale}:${figure.page}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The share image of a page (path without base or language), if one of its figures leads it. */
export async function shareImageOf(base: string, locale: Locale, page: string): Promise<{ src: string; alt: string } | undefined> {
  const byPage = await once(
    'share-images',
    async () =>
      new Map(
        (await sharePaths(base)).map(({ params, props: { locale, figure } }) => [
          `${locale}:${figure.page}`,
          { src: `${figureFilesPath(base, locale, params.id)}share.png`, alt: figure.title },
        ]),
      ),
  );
  return byPage.get(`${locale}:${page}`);
}

/** A figure in every language, by id: what a download headed in both languages is made from. */
export async function figureInEveryLocale(base: string, id: string): Promise<Record<Locale, FigureModel>> {
  const byId = await once(
    'figures-by-id',
    async () => new Map((await embedPaths(base)).map((p) => [`${p.params.lang}:${p.params.id}`, p.props.figure])),
  );
  return Object.fromEntries(LOCALES.map((locale) => [locale, byId.get(`${locale}:${id}`)!])) as Record<Locale, FigureModel>;
}
