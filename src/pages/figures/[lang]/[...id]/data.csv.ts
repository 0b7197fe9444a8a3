import type { APIRoute } from 'astro';
import { base } from 'astro:config/client';
import { figureCsv } from '../../../../lib/figure.ts';
import { embedPaths, type EmbedProps } from '../../../../site-data/figures/embeds.ts';

export const getStaticPaths = () => embedPaths(base);

/** The data behind exactly this figure, as CSV. */
export const GET: APIRoute = ({ props }) => {
  const { figure } = props as EmbedProps;
  return new Response(figureCsv(figure), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
