import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * `root` joined with `parts`, refusing any result outside `root` (a "../" or an absolute part
 * that came from data): every file the pipeline or the build writes goes through this.
 */
export function pathInside(root: string, ...parts: string[]): string {
  const target = resolve(root, ...parts);
  const rel = relative(resolve(root), target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`refusing to write outside ${root}: ${join(...parts)}`);
  return target;
}
