import { spawnSync } from 'node:child_process';
import type { Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { serveStatic } from '../../scripts/static-server.ts';
import { buildData } from '../../src/pipeline/build.ts';
import { openChromium } from '../../scripts/chromium.ts';
import { scratchDir } from '../scratch-dir.ts';

export interface Site {
  url: string;
  origin: string;
  context: BrowserContext;
  /** Requests to any host but the site, and responses with an error status, seen so far. */
  external: string[];
  failed: string[];
  close(): Promise<void>;
}

/** Serves a built site on 127.0.0.1 and opens Debian's Chromium on it, watching every request. */
export async function openSite(
  root = 'dist',
  base = '/',
  options: {
    javaScriptEnabled?: boolean;
    bypassCSP?: boolean;
    hasTouch?: boolean;
    isMobile?: boolean;
    viewport?: { width: number; height: number };
    alsoAllow?: string[];
  } = {},
): Promise<Site> {
  const { alsoAllow = [], ...contextOptions } = options;
  const { server, url } = await serveStatic(root, base);
  const origin = new URL(url).origin;
  const context = await openChromium({ viewport: { width: 1200, height: 900 }, ...contextOptions });
  const external: string[] = [];
  const failed: string[] = [];
  const allowed = (url: string) => [origin, ...alsoAllow].some((o) => url.startsWith(o));
  context.on('request', (r) => {
    if (!allowed(r.url()) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url());
  });
  context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await context.route('**/*', (route) => (allowed(route.request().url()) ? route.continue() : route.abort()));
  return {
    url,
    origin,
    context,
    external,
    failed,
    async close() {
      await context.close();
      await new Promise((resolve) => (server as Server).close(resolve));
    },
  };
}

/** Publishes a dataset folder into a temporary folder and builds its whole site into `out` (as CI would for another province). */
export async function buildSiteOf(dataset: string, out: string, env: Record<string, string> = {}): Promise<void> {
  const data = join(scratchDir('atlas-site'), 'data');
  const { manifest } = await buildData(dataset, data);
  if (!manifest) throw new Error(`${dataset} did not publish`);
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    env: { ...process.env, ...env, DATA_DIR: data, OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(build.stderr);
}

/** Changes a dataset folder's metadata.json in place: a test's province made unlike the template. */
// biome-ignore lint/suspicious/noExplicitAny: a test may reshape any part of the metadata.
export function editMetadata(dataset: string, change: (metadata: Record<string, any>) => void): void {
  const file = join(dataset, 'metadata.json');
  const metadata = JSON.parse(readFileSync(file, 'utf8'));
  change(metadata);
  writeFileSync(file, JSON.stringify(metadata));
}

/** Opens a page and collects its console errors and uncaught exceptions. */
export async function visit(site: Site, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await site.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const response = await page.goto(site.url + path, { waitUntil: 'load' });
  if (response?.status() !== 200) errors.push(`HTTP ${response?.status()} for ${path}`);
  return { page, errors };
}

/**
 * Types a query into the explore page's editor as a person would (select all, type), once the
 * editor is there.
 * Playwright's fill() edits contenteditable through editing commands that add inline styles,
 * which the page's CSP rightly blocks; keystrokes do not.
 */
export async function typeQuery(page: Page, label: string, sql: string): Promise<void> {
  // The page's textarea gives way to the editor once DuckDB is ready; a click that lands as it
  // does would wait on the hidden textarea for good.
  await page.locator('.sql-editor').waitFor({ timeout: 60_000 });
  const editor = page.getByLabel(label);
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(sql.replace(/\s+/g, ' '));
  await page.keyboard.press('Escape');
}
