import type { APIRoute } from 'astro';
import { base } from 'astro:config/client';
import { renderPng } from '../../../../build/render-png.ts';
import { shareImageSvg } from '../../../../lib/share-image.ts';
import { sharePaths, type EmbedProps } from '../../../../site-data/figures/embeds.ts';
import { loadManifest } from '../../../../site-data/db.ts';

// A link preview needs the image's absolute address, so share images exist only where the site knows its own (SITE_URL).
export const getStaticPaths = async () => (import.meta.env.SITE ? sharePaths(base) : []);

/** The picture a shared link to the figure's page shows (Open Graph, 1200 × 630). */
export const GET: APIRoute = ({ props }) => {
  const { locale, figure } = props as EmbedProps;
  return new Response(new Uint8Array(renderPng(shareImageSvg(figure, locale, loadManifest()))), {
    headers: { 'content-type': 'image/png' },
  });
};
