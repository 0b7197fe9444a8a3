/**
 * Keeps the embeds of the dataset version just built, for good: copies dist/embed/v/<version>/
 * and the stylesheets and scripts those pages load into FROZEN_DIR (default public/), from where
 * every later build serves them unchanged. Run it when a dataset version is released, before the
 * data changes; keep FROZEN_DIR between releases (commit it, or keep it on the host).
 *
 *   node scripts/freeze-embeds.ts [--dist DIR]
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { checkedVersion } from '../src/lib/dataset-version.ts';
import { pathInside } from '../src/lib/safe-path.ts';

const args = process.argv.slice(2);
const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : process.env.OUT_DIR ?? 'dist';
const frozenDir = process.env.FROZEN_DIR ?? 'public';
const dataDir = process.env.DATA_DIR ?? 'public/data';
const version = checkedVersion(JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')).dataset.version);

const source = pathInside(dist, 'embed', 'v', version);
const target = pathInside(frozenDir, 'embed', 'v', version);
if (!existsSync(source)) {
  console.error(`${source} is missing: build the site ("npm run build") before freezing version ${version}`);
  process.exit(1);
}
if (existsSync(target)) {
  console.error(`version ${version} is already frozen in ${target}; a frozen version is never replaced`);
  process.exit(1);
}

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

cpSync(source, target, { recursive: true });
// The hashed assets the frozen pages load; later builds hash theirs differently, so keep these.
const assets = new Set(files(source).filter((f) => f.endsWith('.html'))
  .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\/_astro\/[^"'\s)]+/g)].map((m) => m[0].slice(1))));
for (const asset of assets) {
  mkdirSync(dirname(pathInside(frozenDir, asset)), { recursive: true });
  cpSync(pathInside(dist, asset), pathInside(frozenDir, asset));
}
console.log(`froze ${files(target).length} files of version ${version} and ${assets.size} assets into ${relative('.', frozenDir) || '.'}`);
