import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export { builtPages, embedPages, pageKinds, pageSample } from '../../scripts/page-kinds.ts';

/** Every file of a built site whose name matches `pattern`, bundled scripts and styles (_astro/) apart. */
export const builtFiles = (root: string, pattern: RegExp): string[] =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.startsWith('_astro') && pattern.test(f))
    .map((f) => join(root, f));
