import { LOCALES, type Locale } from '../../i18n/t.ts';
import type { FigureModel } from '../../lib/figure.ts';
import { makeWorkbook, workbooksOnThread } from '../../build/workbook-thread.ts';
import { figureFilesPath } from '../../lib/embed.ts';
import { figureWorkbookTable } from '../../lib/figure-workbook.ts';
import { loadManifest } from '../db.ts';
import { once } from '../memo.ts';
import { listFigures } from './registry.ts';

export interface EmbedProps {
  locale: Locale;
  figure: FigureModel;
}

/**
 * Every figure in both languages, drawn once per build and shared by the embed pages and the
 * figure files (SVG, CSV, XLSX) next to them. Figures a unit lacks (no deprivation data, say) are left out.
 */
const drawnFigures = (base: string) =>
  once('embed-paths', async () => {
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
    const paths = drawn.flat();
    startWorkbooks(paths);
    return paths;
  });

/** The embed pages' paths: every figure in every language it is drawn in. */
export async function embedPaths(base: string) {
  // Fresh path objects for each route: Astro keeps its own state on them.
  return (await drawnFigures(base)).map((p) => ({ params: { ...p.params }, props: p.props }));
}

/** Each figure's workbook (its data.xlsx), by id, made when first asked for. */
const workbooks = new Map<string, () => Promise<Uint8Array>>();

/**
 * Every figure's workbook, once the figures are drawn. On the build's workbook thread they are
 * begun at once, made while the embeds and other figure files are rendered and ready by the time
 * their own route is; elsewhere (astro dev) each is made when it is asked for.
 */
function startWorkbooks(drawn: { params: { id: string }; props: EmbedProps }[]) {
  for (const [id, paths] of Map.groupBy(drawn, (p) => p.params.id)) {
    const figure = Object.fromEntries(paths.map(({ props }) => [props.locale, props.figure])) as Record<Locale, FigureModel>;
    if (LOCALES.some((l) => !figure[l])) continue;
    const make = () => once(`workbook:${id}`, () => makeWorkbook(figureWorkbookTable(figure, loadManifest())));
    workbooks.set(id, make);
    // A failure is thrown where the workbook is awaited, by its route; until then it is not unhandled.
    if (workbooksOnThread()) make().catch(() => {});
  }
}

/** The workbook of a figure, which is headed in every language. */
export async function figureWorkbook(base: string, id: string): Promise<Uint8Array> {
  // Not embedPaths: a copy of every path for each of thousands of workbooks made gigabytes of garbage.
  await drawnFigures(base);
  const workbook = workbooks.get(id);
  if (!workbook) throw new Error(`no workbook for figure ${id}: it is not drawn in every language`);
  return workbook();
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
