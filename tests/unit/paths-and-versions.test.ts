import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frozenEmbeds } from '../../src/build/integrations.ts';
import { checkedVersion, DATASET_VERSION } from '../../src/lib/dataset-version.ts';
import { pathInside } from '../../src/lib/safe-path.ts';
import { parseWebUrl } from '../../src/lib/web-url.ts';
import { scratchDir } from '../scratch-dir.ts';

const HOSTILE_VERSIONS = [
  'x/../../../../tmp/pwned/evil',
  '1" onload="alert(document.domain)" x="',
  '../1.0',
  '/etc',
  '1.0/..',
  '',
  '1.0\n2',
  'v1',
];

describe('dataset versions reach paths and snippets only in their strict form', () => {
  it.each(HOSTILE_VERSIONS)('refuses %j', (v) => {
    expect(DATASET_VERSION.test(v)).toBe(false);
    expect(() => checkedVersion(v)).toThrow('is not of the form');
  });
  it.each(['2026.11.1', '0.0.1', '2026.12', '1.2.3.4', '2026.11.1-rc1'])('accepts %s', (v) => expect(checkedVersion(v)).toBe(v));

  it('the build refuses a hand-edited manifest whose version would write outside dist', async () => {
    const data = scratchDir('manifest');
    writeFileSync(join(data, 'manifest.json'), JSON.stringify({ dataset: { version: HOSTILE_VERSIONS[0] } }));
    const dist = scratchDir('dist');
    mkdirSync(join(dist, 'embed', 'vi'), { recursive: true });
    const hook = frozenEmbeds(data, 'public').hooks['astro:build:done'] as (o: { dir: URL }) => Promise<void>;
    await expect(hook({ dir: new URL(`file://${dist}/`) })).rejects.toThrow('is not of the form');
  });
});

describe('every written path stays inside its folder', () => {
  it.each([['../x'], ['a/../../x'], ['/etc/passwd'], ['.']])('refuses %j', (part) => {
    expect(() => pathInside('/srv/out', part)).toThrow('refusing to write outside');
  });
  it('accepts paths below the folder', () => expect(pathInside('/srv/out', 'csv/poverty.csv')).toBe('/srv/out/csv/poverty.csv'));
});

describe('one parser for web addresses, shared by the pipeline and the pages', () => {
  it.each([
    'https://host:80800/',
    'javascript:alert(1)',
    'ftp://x.org/',
    'https://',
    'https://user:pw@x.org/',
    'https://x.org/a b',
    'x.org',
  ])('refuses %j', (u) => {
    expect(parseWebUrl(u)).toBeNull();
  });
  it('accepts real sources', () => expect(parseWebUrl('https://nhandan.vn/quang-ninh-post745473.html')?.hostname).toBe('nhandan.vn'));
});
