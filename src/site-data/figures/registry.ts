import type { Locale } from '../../i18n/t.ts';
import type { FigureModel } from '../../lib/figure.ts';
import { gsoYears } from '../../lib/queries.ts';
import { unitPage } from '../../lib/routes.ts';
import { periodSlug } from '../../lib/views/map-views.ts';
import { query } from '../db.ts';
import { listMapViews } from '../map.ts';
import { listTargets } from '../targets.ts';
import { listCommunes, listDistricts } from '../units.ts';
import { deprivationFigure, listDeprivationPeriods } from './deprivation.ts';
import { mapFigure } from './map.ts';
import { nationalMapFigure, nationalTrendFigure } from './national.ts';
import { p135ProgressFigure } from './p135.ts';
import { unitStanding } from './peers.ts';
import { targetFigure } from './target.ts';
import { provinceTrend, unitTrend } from './trend.ts';
import { unitDeprivationFigure } from './unit-deprivation.ts';

export interface FigureEntry {
  id: string;
  /** The figure in one language; links inside it go to pages of the site through `href`. */
  build(locale: Locale, href: (path: string) => string): Promise<FigureModel | null>;
}

/**
 * Every chart and map the site draws, by id: what the embed pages and figure downloads are made
 * from, so that an embed always shows what its page shows.
 */
export async function listFigures(): Promise<FigureEntry[]> {
  const units = [
    ...(await listDistricts()).map((d) => ['district', d.unit_code] as const),
    ...(await listCommunes()).map((c) => ['commune', c.unit_code] as const),
  ];
  const years = (await query<{ year: number }>(gsoYears())).map((r) => r.year);
  return [
    { id: 'province/poor-trend', build: (locale) => provinceTrend(locale) },
    ...(await listMapViews()).map(
      (view): FigureEntry => ({
        id: view.path.replace(/\/$/, ''),
        build: (locale, href) => mapFigure(locale, view, href),
      }),
    ),
    ...(await listDeprivationPeriods()).map(
      (p): FigureEntry => ({
        id: `deprivation/${periodSlug(p.year, p.standard)}`,
        build: (locale) => deprivationFigure(locale, p.year, p.standard),
      }),
    ),
    ...units.flatMap(([level, code]): FigureEntry[] => [
      { id: `${unitPage(level, code)}trend`, build: (locale) => unitTrend(locale, level, code) },
      {
        id: `${unitPage(level, code)}peers`,
        build: async (locale, href) => (await unitStanding(locale, level, code, href))?.figure ?? null,
      },
      { id: `${unitPage(level, code)}deprivation`, build: (locale) => unitDeprivationFigure(locale, level, code) },
    ]),
    ...years.map((year): FigureEntry => ({ id: `national/${year}/map`, build: (locale) => nationalMapFigure(locale, year) })),
    ...(years.length ? [{ id: 'national/trend', build: (locale: Locale) => nationalTrendFigure(locale, years) }] : []),
    { id: 'program-135/progress', build: (locale) => p135ProgressFigure(locale) },
    ...(await listTargets()).map(
      (target): FigureEntry => ({ id: `targets/${target.target_id}`, build: async (locale) => targetFigure(locale, target) }),
    ),
  ];
}
