import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/pipeline/build.ts';
import { openSite, visit, type Site } from './browser.ts';
import { scratchDir } from '../scratch-dir.ts';

const OUT = 'dist-frozen';
const tmp = scratchDir('atlas-frozen');
const frozenDir = join(tmp, 'frozen');
let site: Site;

const run = (args: string[], env: Record<string, string>) => {
  const result = spawnSync(process.execPath, args, { env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
};

/** Builds the template dataset into its own data folder and the site from it, keeping frozen embeds in one place. */
async function release(source: string, data: string) {
  expect((await buildData(source, data)).manifest).not.toBeNull();
  run(['node_modules/astro/bin/astro.mjs', 'build'], { DATA_DIR: data, OUT_DIR: OUT, FROZEN_DIR: frozenDir });
}

beforeAll(async () => {
  const source = join(tmp, 'template');
  cpSync('data/template', source, { recursive: true });
  await release(source, join(tmp, 'data-1'));
  run(['scripts/freeze-embeds.ts'], { DATA_DIR: join(tmp, 'data-1'), OUT_DIR: OUT, FROZEN_DIR: frozenDir });

  // The next release: ten more poor households in one commune in 2022, and a new version number.
  const poverty = readFileSync(join(source, 'poverty.csv'), 'utf8');
  writeFileSync(
    join(source, 'poverty.csv'),
    poverty.replace('90001,2022,national,1000,10,4,2,1,9,', '90001,2022,national,1000,10,4,12,1,19,'),
  );
  const meta = JSON.parse(readFileSync(join(source, 'metadata.json'), 'utf8'));
  writeFileSync(join(source, 'metadata.json'), JSON.stringify({ ...meta, version: '0.0.2' }));
  await release(source, join(tmp, 'data-2'));
  site = await openSite(OUT);
}, 300_000);
afterAll(async () => site?.close());

const poor2022 = async (path: string) => {
  const { page, errors } = await visit(site, path);
  expect(errors).toEqual([]);
  return Number(await page.locator('.chart-wide [data-series="national"] circle[data-x="2022"]').getAttribute('data-value'));
};

describe('frozen embeds', () => {
  it('keep the numbers of the version they were made with after the data changes; live embeds show the new ones', async () => {
    expect(await poor2022('embed/en/province/poor-trend/')).toBe(50);
    expect(await poor2022('embed/v/0.0.2/en/province/poor-trend/')).toBe(50);
    expect(await poor2022('embed/v/0.0.1/en/province/poor-trend/')).toBe(40);
    expect(await poor2022('embed/v/0.0.1/vi/province/poor-trend/')).toBe(40);
    const { page } = await visit(site, 'embed/v/0.0.1/en/province/poor-trend/');
    expect(await page.locator('[data-embed-credit]').textContent()).toContain('version 0.0.1');
  });

  it('are not copied at every build: the version being built forwards its frozen addresses to the live embeds', async () => {
    const current = join(OUT, 'embed/v/0.0.2/en/province/poor-trend/index.html');
    // A forwarding page of under 1 KB, not a copy of the embed (about 19 KB).
    expect(statSync(current).size).toBeLessThan(1000);
    const { page } = await visit(site, 'embed/v/0.0.2/vi/province/poor-trend/');
    await page.waitForURL(/\/embed\/vi\/province\/poor-trend\/$/);
    expect(await page.locator('[data-embed-credit]').textContent()).toContain('0.0.2');
  });

  it('refuses to freeze a version twice', () => {
    const again = spawnSync(process.execPath, ['scripts/freeze-embeds.ts'], {
      env: { ...process.env, DATA_DIR: join(tmp, 'data-1'), OUT_DIR: OUT, FROZEN_DIR: frozenDir },
      encoding: 'utf8',
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already frozen');
  });
});
