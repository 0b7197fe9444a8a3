import type { APIRoute } from 'astro';
import { base } from 'astro:config/client';
import { embedPaths, figureWorkbook } from '../../../site-data/figures/embeds.ts';

// One workbook per figure for both languages: it is headed in both.
export const getStaticPaths = async () => [...new Set((await embedPaths(base)).map((p) => p.params.id))].map((id) => ({ params: { id } }));

/** The data behind exactly this figure, as an Excel workbook headed in Vietnamese and English. */
export const GET: APIRoute = async ({ params }) =>
  new Response(new Uint8Array(await figureWorkbook(base, params.id!)), {
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
