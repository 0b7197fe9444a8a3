import { cpSync, rmSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';

// BASE_PATH lets the site live under a sub-path (e.g. GitHub Pages: /poverty-atlas/).
const base = process.env.BASE_PATH ?? '/';
// DATA_DIR: published data to build from (default: what `npm run data` wrote to public/data).
const dataDir = process.env.DATA_DIR ?? 'public/data';

/** Ships the published data the pages were built from, when it is not already in public/. */
const publishedData = {
  name: 'published-data',
  hooks: {
    'astro:build:done': ({ dir }) => {
      if (dataDir === 'public/data') return;
      rmSync(new URL('data/', dir), { recursive: true, force: true });
      cpSync(dataDir, new URL('data/', dir), { recursive: true });
    },
  },
};

export default defineConfig({
  base,
  trailingSlash: 'ignore',
  output: 'static',
  outDir: process.env.OUT_DIR ?? 'dist',
  build: { format: 'directory', inlineStylesheets: 'never', assets: '_astro' },
  i18n: {
    defaultLocale: 'vi',
    locales: ['vi', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  integrations: [publishedData],
  vite: {
    plugins: [tailwindcss()],
    build: { assetsInlineLimit: 0 },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  },
});
