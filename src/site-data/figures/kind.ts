import type { Locale } from '../../i18n/t.ts';
import type { FigureModel } from '../../lib/figure.ts';
import { localePath } from '../../lib/routes.ts';
import { once } from '../memo.ts';

/** A figure as its kind draws it: everything but where it lives, which the kind declares. */
export type Drawing = Omit<FigureModel, 'id' | 'page'>;

/** What a kind's `draw` is given besides its parameters. */
export interface DrawContext {
  locale: Locale;
  /** The figure's id with dashes for slashes: a prefix for the ids of its SVG elements. */
  svgId: string;
  /** The address of a page of the site (path without base or language) in this language. */
  href: (path: string) => string;
}

/**
 * One kind of figure, declared once: which instances the site draws, the id and page of each,
 * and how to draw one. The registry, the pages, the embeds and the files all come from this.
 */
export interface FigureKind<P> {
  /** Every instance the site draws (one per unit, per map view, …). */
  instances(): Promise<P[]>;
  /** Stable path of the figure, used for its embed page and file names. */
  id(params: P): string;
  /** The site page it appears on, without base or language. */
  page(params: P): string;
  /** The figure, or null where the dataset has nothing to draw (a unit without deprivation data, say). */
  draw(params: P, context: DrawContext): Promise<Drawing | null> | Drawing | null;
  /** The picture a shared link to its page shows, where the page has several figures. */
  leads?: boolean;
}

/** Whether a module's export is a figure declaration: how the registry finds every kind. */
export const isFigureKind = (value: unknown): value is FigureKind<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (['instances', 'id', 'page', 'draw'] as const).every((k) => typeof (value as Record<string, unknown>)[k] === 'function');

/**
 * A figure of a kind, in one language, for a site served under `base`: drawn once per build, so
 * that its page, its embed and its files show the same thing.
 */
export function drawFigure<P>(kind: FigureKind<P>, params: P, locale: Locale, base: string): Promise<FigureModel | null> {
  const id = kind.id(params);
  return once(`figure|${base}|${locale}|${id}`, async () => {
    const context = { locale, svgId: id.replaceAll('/', '-'), href: (path: string) => localePath(base, locale, path) };
    const drawing = await kind.draw(params, context);
    return drawing && { id, page: kind.page(params), ...drawing };
  });
}

/** A registered figure: its id, and how to draw it in a language. */
export interface FigureEntry {
  id: string;
  leads: boolean;
  draw(locale: Locale, base: string): Promise<FigureModel | null>;
}

/** Every instance of a kind, as registry entries. */
export const entriesOf = async <P>(kind: FigureKind<P>): Promise<FigureEntry[]> =>
  (await kind.instances()).map((params) => ({
    id: kind.id(params),
    leads: kind.leads ?? false,
    draw: (locale: Locale, base: string) => drawFigure(kind, params, locale, base),
  }));
