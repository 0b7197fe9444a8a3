import { defineMiddleware } from 'astro:middleware';
import { offerRenderedPage } from './build/rendered-pages.ts';
import { allowInlineStyles } from './lib/csp.ts';

/**
 * Every page leaves the renderer with its policy allowing exactly its inline styles (Astro inlines
 * the stylesheet, so the first paint waits for no second request), and is offered to the build's
 * compression thread as it is: compressed while the next pages are drawn, not after all are written.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const page = allowInlineStyles(new Uint8Array(await response.arrayBuffer()));
  offerRenderedPage(page);
  return new Response(page, { status: response.status, statusText: response.statusText, headers: response.headers });
});
