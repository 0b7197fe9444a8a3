import { entriesOf, type FigureEntry, isFigureKind } from './kind.ts';

/** Every module of this folder but the machinery: each figure declaration a module exports is registered. */
const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./registry.ts', '!./embeds.ts', '!./kind.ts'], { eager: true });

/** Every kind of figure the site draws, found by what it is rather than listed by hand. */
const FIGURE_KINDS = Object.values(modules).flatMap((exports) => Object.values(exports).filter(isFigureKind));

/**
 * Every chart and map the site draws: what the embed pages and figure downloads are made from,
 * so that an embed always shows what its page shows. A page's leading figure comes first.
 */
export async function listFigures(): Promise<FigureEntry[]> {
  const entries = (await Promise.all(FIGURE_KINDS.map(entriesOf))).flat();
  const ids = new Set(entries.map((e) => e.id));
  if (ids.size !== entries.length) throw new Error('Two figures share an id: each must have its own embed and files');
  return [...entries.filter((e) => e.leads), ...entries.filter((e) => !e.leads)];
}
