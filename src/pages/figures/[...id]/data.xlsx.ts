import type { APIRoute } from 'astro';
import { base } from 'astro:config/client';
import { figureWorkbook } from '../../../lib/figure-workbook.ts';
import { loadManifest } from '../../../site-data/db.ts';
import { embedPaths, figureInEveryLocale } from '../../../site-data/figures/embeds.ts';

// One workbook per figure for both languages: it is headed in both.
export const getStaticPaths = async () => [...new Set((await embedPaths(base)).map((p) => p.params.id))].map((id) => ({ params: { id } }));

/** The data behind exactly this figure, as an Excel workbook headed in Vietnamese and English. */
export const GET: APIRoute = async ({ params }) => {
  const workbook = await figureWorkbook(await figureInEveryLocale(base, params.id!), loadManifest());
  return new Response(new Uint8Array(workbook), {
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
