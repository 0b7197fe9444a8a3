import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';

// BASE_PATH lets the site live under a sub-path (e.g. GitHub Pages: /poverty-atlas/).
const base = process.env.BASE_PATH ?? '/';

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
  vite: {
    plugins: [tailwindcss()],
    build: { assetsInlineLimit: 0 },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  },
});
