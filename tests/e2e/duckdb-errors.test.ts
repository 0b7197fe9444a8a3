import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSite, visit, type Site } from './browser.ts';

let site: Site;
beforeEach(async () => {
  site = await openSite();
});
// The page may still be downloading through a route when a test ends: let those requests go.
afterEach(async () => {
  await site?.context.unrouteAll({ behavior: 'ignoreErrors' });
  await site?.close();
});

describe('DuckDB tells a reader plainly why it cannot start', () => {
  it('when the server sends the wasm with the wrong MIME type', async () => {
    await site.context.route('**/*.wasm', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'text/plain' } });
    });
    const { page } = await visit(site, 'en/explore/');
    const status = page.locator('[data-status][data-state="error"]');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toContain('wrong MIME type (text/plain)');
  });

  it('when a Content-Security-Policy blocks WebAssembly', async () => {
    await site.context.route('**/explore/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace("'wasm-unsafe-eval'", '');
      // The body is sent decoded, so the headers must not say it is compressed.
      const { 'content-encoding': _, 'content-length': __, ...headers } = response.headers();
      await route.fulfill({ status: response.status(), headers, body: html });
    });
    const { page } = await visit(site, 'explore/');
    const status = page.locator('[data-status][data-state="error"]');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toContain('WebAssembly bị chặn');
  });
});
