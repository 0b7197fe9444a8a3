import type { APIRoute } from 'astro';
import { base } from 'astro:config/client';
import { standaloneSvg } from '../../../../lib/standalone-svg.ts';
import { embedPaths, type EmbedProps } from '../../../../site-data/figures/embeds.ts';
import { loadManifest } from '../../../../site-data/db.ts';

export const getStaticPaths = () => embedPaths(base);

/** The figure as a self-contained SVG file: the chart with its title, source and illustrative label drawn in. */
export const GET: APIRoute = ({ props }) => {
  const { locale, figure } = props as EmbedProps;
  return new Response(standaloneSvg(figure, locale, loadManifest()), { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
