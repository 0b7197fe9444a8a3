import { deprivationFigure } from './deprivation.ts';
import { entriesOf, type FigureEntry } from './kind.ts';
import { mapFigure } from './map.ts';
import { nationalMapFigure, nationalTrendFigure } from './national.ts';
import { p135ProgressFigure } from './p135.ts';
import { unitPeersFigure } from './peers.ts';
import { targetFigure } from './target.ts';
import { provinceTrendFigure, unitTrendFigure } from './trend.ts';
import { unitDeprivationFigure } from './unit-deprivation.ts';

/**
 * Every chart and map the site draws: what the embed pages and figure downloads are made from,
 * so that an embed always shows what its page shows. A new kind of figure is added here once.
 */
export async function listFigures(): Promise<FigureEntry[]> {
  const kinds = await Promise.all([
    entriesOf(provinceTrendFigure),
    entriesOf(mapFigure),
    entriesOf(deprivationFigure),
    entriesOf(unitTrendFigure),
    entriesOf(unitPeersFigure),
    entriesOf(unitDeprivationFigure),
    entriesOf(nationalMapFigure),
    entriesOf(nationalTrendFigure),
    entriesOf(p135ProgressFigure),
    entriesOf(targetFigure),
  ]);
  const entries = kinds.flat();
  const ids = new Set(entries.map((e) => e.id));
  if (ids.size !== entries.length) throw new Error('Two figures share an id: each must have its own embed and files');
  return entries;
}
