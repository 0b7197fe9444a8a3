import { readFileSync, writeFileSync } from 'node:fs';
import { zipSync, type Zippable } from 'fflate';
import { fileEntry, type FileEntry } from './export.ts';
import { pathInside } from '../lib/safe-path.ts';

/**
 * One ZIP of every published table (Parquet, CSV, Excel), the boundaries, the dictionary, a
 * manifest of exactly what it holds and a README with the citation and licence. Entry times
 * are the release date, so the bytes are the same on every run.
 */
export function writeArchive(root: string, name: string, files: string[], texts: Record<string, string>, released: string): FileEntry {
  const mtime = new Date(`${released}T00:00:00Z`);
  const entries: Zippable = Object.fromEntries(
    Object.entries(texts).map(([path, text]) => [path, [new TextEncoder().encode(text), { mtime }]]),
  );
  for (const f of [...files].sort()) entries[f] = [readFileSync(pathInside(root, f)), { mtime }];
  writeFileSync(pathInside(root, name), zipSync(entries, { level: 6, mtime }));
  return fileEntry(root, name);
}
