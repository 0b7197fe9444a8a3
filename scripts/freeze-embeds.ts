/**
 * Keeps the embeds of the dataset version just built, for good: copies its live embeds
 * (dist/embed/<lang>/) to embed/v/<version>/<lang>/, with the stylesheets and scripts those
 * pages load, into FROZEN_DIR (default public/), from where every later build serves them
 * unchanged. Run it when a dataset version is released, before the data changes; keep FROZEN_DIR
 * between releases (commit it, or keep it on the host).
 *
 *   node scripts/freeze-embeds.ts [--dist DIR]
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { checkedVersion } from '../src/lib/dataset-version.ts';
import { pathInside } from '../src/lib/safe-path.ts';

const args = process.argv.slice(2);
const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : (process.env.OUT_DIR ?? 'dist');
const frozenDir = process.env.FROZEN_DIR ?? 'public';
const dataDir = process.env.DATA_DIR ?? 'public/data';
const version = checkedVersion(JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')).dataset.version);

// The live embeds, one folder per language (v/ holds the frozen ones).
const embeds = pathInside(dist, 'embed');
const sources = existsSync(embeds)
  ? readdirSync(embeds, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'v')
      .map((e) => [e.name, join(embeds, e.name)] as const)
  : [];
const target = pathInside(frozenDir, 'embed', 'v', version);
const built = JSON.parse(readFileSync(join(dist, 'data', 'manifest.json'), 'utf8')).dataset.version;
if (existsSync(target)) {
  console.error(`version ${version} is already frozen in ${target}; a frozen version is never replaced`);
  process.exit(1);
}
if (sources.length === 0 || built !== version) {
  console.error(`${dist} does not hold a build of version ${version}: build the site ("npm run build") before freezing it`);
  process.exit(1);
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

for (const [lang, source] of sources) cpSync(source, join(target, lang), { recursive: true });
// The hashed assets the frozen pages load; later builds hash theirs differently, so keep these.
const assets = new Set(
  files(target)
    .filter((f) => f.endsWith('.html'))
    .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\/_astro\/[^"'\s)]+/g)].map((m) => m[0].slice(1))),
);
for (const asset of assets) {
  mkdirSync(dirname(pathInside(frozenDir, asset)), { recursive: true });
  cpSync(pathInside(dist, asset), pathInside(frozenDir, asset));
}
console.log(`froze ${files(target).length} files of version ${version} and ${assets.size} assets into ${relative('.', frozenDir) || '.'}`);
