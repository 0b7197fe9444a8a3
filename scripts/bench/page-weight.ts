import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Weight {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageWeight {
  page: string;
  html: Weight;
  css: Weight;
  js: Weight;
  /** Requests a first visit makes before any interaction: the page, its styles, scripts and icon. */
  requests: number;
}

const weigh = (bytes: Buffer): Weight => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const ZERO: Weight = { raw: 0, gzip: 0, brotli: 0 };

/**
 * What a built page weighs, from the files alone (deterministic, so CI can hold budgets):
 * its HTML, the CSS and JavaScript it references (module scripts with their static imports),
 * each compressed as a server would send it.
 */
export function pageWeight(root: string, base: string, page: string): PageWeight {
  const file = (url: string) => join(root, url.replace(base, '/').replace(/^\//, ''));
  const html = readFileSync(join(root, page, 'index.html'));
  const text = html.toString('utf8');
  const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  const scripts = new Set<string>();
  const visit = (url: string) => {
    if (scripts.has(url) || !existsSync(file(url))) return;
    scripts.add(url);
    const source = readFileSync(file(url), 'utf8');
    for (const m of source.matchAll(/(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g))
      visit(url.replace(/[^/]+$/, m[1]));
  };
  for (const m of text.matchAll(/<script[^>]+src="([^"]+)"/g)) visit(m[1]);
  const icons = [...text.matchAll(/<link[^>]+rel="icon"[^>]+href="([^"]+)"/g)].length;
  return {
    page,
    html: weigh(html),
    css: css.map((u) => weigh(readFileSync(file(u)))).reduce(add, ZERO),
    js: [...scripts].map((u) => weigh(readFileSync(file(u)))).reduce(add, ZERO),
    requests: 1 + css.length + scripts.size + icons,
  };
}
