import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedPages, pageKinds } from './pages.ts';
import { openSite, type Site } from './browser.ts';
import { readAt, readClosedAndOpened } from './phone-reading.ts';

/**
 * A reader on a 360-px phone: every kind of page, in both languages, read as rendered. Text at
 * least 12 px (chart text included, after the SVG is scaled to fit, and none of it cut by the
 * chart's edge), tap targets at least 24 px, and nothing wider than the screen except inside a box
 * that scrolls.
 */
let site: Site;
beforeAll(async () => {
  site = await openSite('dist', '/', {});
  await site.context.pages()[0]?.setViewportSize({ width: 360, height: 740 });
});
afterAll(async () => site?.close());

/** One page of each kind, and the page for an address with none, in both languages. */
const bothLanguages = () => [...pageKinds(), 'no-such-page/'].flatMap((p) => [p, `en/${p}`]);

describe('on a 360 × 740 phone', () => {
  it.each(bothLanguages())(
    '/%s reads at 12 px or more, taps at 24 px or more, and fits the screen, as it opens and with every panel opened (embed, citation, data table, columns)',
    async (path) => {
      const { closed, opened } = await readClosedAndOpened(site, path, 360, 740, true);
      expect(closed).toEqual([]);
      expect(opened).toEqual([]);
    },
  );

  // One embed of each kind: the path with its codes and years taken out says what kind it is.
  const kind = (p: string) =>
    p
      .replace(/\/[^/]*\d[^/]*\//g, '/#/')
      .split('/')
      .slice(0, 4)
      .join('/');
  it.each(
    embedPages()
      .filter((p) => /^embed\/(vi|en)\//.test(p))
      .filter((p, i, all) => all.findIndex((q) => kind(q) === kind(p)) === i),
  )('/%s reads at 12 px or more inside a 360-px page', async (path) => {
    expect(await readAt(site, path, 340, 600, false)).toEqual([]);
  });
});

describe('on a 1280-px screen', () => {
  it.each(bothLanguages())('/%s reads at 12 px or more and fits the screen', async (path) => {
    expect(await readAt(site, path, 1280, 900, false)).toEqual([]);
  });
});

describe("in the phone's light and dark themes", () => {
  it.each(['light', 'dark'] as const)(
    "a chart's words read at 4,5:1 or more on the %s page: the lines' names, the target's, the axes', the archipelagos'",
    async (scheme) => {
      const page = await site.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 360, height: 740 });
      const low: string[] = [];
      for (const path of [
        '',
        'targets/credit/',
        'en/national/',
        'map/',
        'deprivation/',
        'communes/06652/',
        'program-135/',
        'districts/198/',
        'map/commune/poor_rate/2022-national/',
        'national/2008/',
        // An embed stays light, as the page around it does: its words are read against white.
        'embed/vi/targets/credit/',
        'embed/en/province/poor-trend/',
      ]) {
        await page.goto(site.url + path, { waitUntil: 'load' });
        low.push(
          ...(
            await page.evaluate(() => {
              // Any CSS colour (the page's are oklch) as sRGB, through a canvas.
              const paint = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
              const rgb = (c: string) => {
                paint.clearRect(0, 0, 1, 1);
                paint.fillStyle = c;
                paint.fillRect(0, 0, 1, 1);
                return [...paint.getImageData(0, 0, 1, 1).data.slice(0, 3)];
              };
              const luminance = (c: string) =>
                rgb(c)
                  .map((v) => v / 255)
                  .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
                  .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
              const page = luminance(getComputedStyle(document.body).backgroundColor);
              return [...document.querySelectorAll<SVGTextElement>('svg.chart text')]
                .filter((t) => t.getBBox().width > 0 && t.checkVisibility())
                .flatMap((t) => {
                  const text = luminance(getComputedStyle(t).fill);
                  const ratio = (Math.max(text, page) + 0.05) / (Math.min(text, page) + 0.05);
                  // A label on a heat map's cell is read against the cell, not the page.
                  return ratio >= 4.5 || t.closest('g[data-row][data-col]') ? [] : [`${t.textContent} ${ratio.toFixed(1)}:1`];
                });
            })
          ).map((f) => `/${path}: ${f}`),
        );
      }
      await page.close();
      expect(low).toEqual([]);
    },
  );
});

describe('on a touch screen', () => {
  it('a first tap on a map unit shows its value with a link onward; a second tap opens its page', async () => {
    const touch = await openSite('dist', '/', { hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
    try {
      const page = await touch.context.newPage();
      await page.goto(`${touch.url}map/commune/poor_rate/2022-national/`, { waitUntil: 'load' });
      const tile = page.locator('#map-narrow a').nth(3);
      const label = await tile.getAttribute('aria-label');
      const href = await tile.getAttribute('href');
      await tile.tap();
      const tip = page.locator('.map-tooltip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toContain(label);
      expect(await tip.locator('a').getAttribute('href')).toBe(href);
      expect(new URL(page.url()).pathname).toBe('/map/commune/poor_rate/2022-national/');
      await tile.tap();
      await page.waitForURL((url) => url.pathname === href);
    } finally {
      await touch.close();
    }
  });
});

describe('finding a unit by name', () => {
  it('from the header of any page, typed without diacritics, with and without scripts', async () => {
    const page = await site.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${site.url}en/targets/`, { waitUntil: 'load' });
    await page.getByRole('searchbox').fill('ha khanh');
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL((url) => url.pathname === '/en/communes/');
    expect(await page.locator('[data-unit-list] li:visible').allTextContents()).toEqual(['Phường Hà Khánh']);
    await page.locator('[data-unit-list] a', { hasText: 'Phường Hà Khánh' }).click();
    await page.waitForURL((url) => url.pathname === '/en/communes/06649/');
    // Submitting the form lists the matching communes on the index page.
    await page.getByRole('searchbox').fill('hoanh bo');
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL((url) => url.pathname === '/en/communes/');
    const shown = await page.locator('[data-unit-list] li:visible').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((name) => /hoành bồ/i.test(name))).toBe(true);
    await page.close();
    const plain = await openSite('dist', '/', { javaScriptEnabled: false });
    try {
      const p = await plain.context.newPage();
      await p.goto(`${plain.url}communes/?q=ha+khanh`, { waitUntil: 'load' });
      expect(await p.locator('[data-unit-list] li').count()).toBeGreaterThan(100);
      expect(await p.locator('[data-unit-list] li', { hasText: 'Phường Hà Khánh' }).count()).toBe(1);
      // …and the reader is told how to find it there.
      expect(await p.locator('[data-search-nojs]').textContent()).toContain('Ctrl+F');
    } finally {
      await plain.close();
    }
  });
});
