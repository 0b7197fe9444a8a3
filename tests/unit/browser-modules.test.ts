import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Packages that only run in Node: a module the browser loads must not reach them. */
const NODE_ONLY = /^(node:|fs$|path$|module$|opentype\.js$|@resvg\/|@duckdb\/node-api)/;

/** Every module reachable from `entry` by relative imports, static or dynamic, with the packages each imports. */
function reachable(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(entry)) return seen;
  const source = readFileSync(entry, 'utf8');
  const specifiers = [...source.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm)].map(
    (m) => m[1] ?? m[2],
  );
  seen.set(
    entry,
    specifiers.filter((s) => !s.startsWith('.')),
  );
  for (const s of specifiers.filter((s) => s.startsWith('.') && /\.ts$/.test(s))) reachable(resolve(dirname(entry), s), seen);
  return seen;
}

describe('the modules the browser loads', () => {
  it('reach no module that only runs in Node (the explore page draws its charts in the browser)', () => {
    const entries = readdirSync('src/client')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => resolve('src/client', f));
    const found = new Map<string, string[]>();
    for (const entry of entries) reachable(entry, found);
    const offending = [...found].flatMap(([file, packages]) =>
      packages.filter((p) => NODE_ONLY.test(p)).map((p) => `${file.replace(`${process.cwd()}/`, '')} imports ${p}`),
    );
    expect(found.size).toBeGreaterThan(10);
    expect(offending).toEqual([]);
  });
});
