import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';
import { shippedDuckDbWasmPlugin } from './src/build/duckdb-wasm.ts';
import { frozenEmbeds, notFoundPages, precompressed, publishedData, workbookThread } from './src/build/integrations.ts';
import { DEFAULT_LOCALE, LOCALES } from './src/i18n/locales.ts';

// BASE_PATH lets the site live under a sub-path (e.g. GitHub Pages: /poverty-atlas/).
const base = process.env.BASE_PATH ?? '/';
// DATA_DIR: published data to build from (default: what `npm run data` wrote to public/data).
const dataDir = process.env.DATA_DIR ?? 'public/data';
// FROZEN_DIR: where frozen embeds of earlier dataset versions are kept (see scripts/freeze-embeds.ts).
const frozenDir = process.env.FROZEN_DIR ?? 'public';

export default defineConfig({
  base,
  trailingSlash: 'ignore',
  output: 'static',
  outDir: process.env.OUT_DIR ?? 'dist',
  // The stylesheet is inlined in every page: on a slow phone network the chart then paints with the
  // HTML instead of one round trip later (src/middleware.ts lets each page's policy allow it).
  // concurrency: four pages at a time, so one page's file is written while the next is drawn
  // (routes 21-26 s -> 17-22 s on 2 cores).
  build: { format: 'directory', inlineStylesheets: 'always', assets: '_astro', concurrency: 4 },
  i18n: {
    defaultLocale: DEFAULT_LOCALE,
    locales: LOCALES,
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  integrations: [workbookThread(), publishedData(dataDir), frozenEmbeds(dataDir, frozenDir), notFoundPages(), precompressed()],
  // SITE_URL: the address the site is served at, for absolute links in embed snippets and citations.
  site: process.env.SITE_URL,
  vite: {
    plugins: [tailwindcss(), shippedDuckDbWasmPlugin()],
    build: { assetsInlineLimit: 0 },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    // Named as the page's own assets are, so that the explore page's worker and the page ask for one
    // and the same DuckDB wasm (Vite names a worker's assets name-hash by default: a second copy of each wasm).
    worker: {
      plugins: () => [shippedDuckDbWasmPlugin()],
      rolldownOptions: { output: { assetFileNames: '_astro/[name].[hash][extname]' } },
    },
  },
});
