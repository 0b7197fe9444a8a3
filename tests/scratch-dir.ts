import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/**
 * A new empty folder in the system's temporary folder, removed when the test file that made it is
 * done (tests/remove-scratch-dirs.ts): a run of the suite makes hundreds (browser profiles, published
 * datasets, built sites), gigabytes a run if left behind.
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeScratchDirs() {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
