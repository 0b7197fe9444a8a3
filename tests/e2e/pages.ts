import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every page of a built site, as paths relative to its root ("" for the home page). */
export function builtPages(root = 'dist'): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      if (e.isDirectory()) return ['_astro', 'data'].includes(e.name) && dir === root ? [] : walk(join(dir, e.name));
      return e.name === 'index.html' ? [relative(root, dir) ? `${relative(root, dir)}/` : ''] : [];
    });
  return walk(root).sort();
}
