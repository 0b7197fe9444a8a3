import { readFileSync, writeFileSync } from 'node:fs';
import { fileEntry, type FileEntry } from './export.ts';
import { pathInside } from '../lib/safe-path.ts';
import { deterministicZip } from '../lib/zip.ts';

/** Parquet files are compressed already (zstd): deflating them again gains nothing. */
const COMPRESSED = /\.parquet$/;

/**
 * One ZIP of every published table (Parquet, CSV, Excel), the boundaries, the dictionary, a
 * manifest of exactly what it holds and a README with the citation and licence. Entry times
 * are the release date, so the bytes are the same on every run.
 */
export function writeArchive(root: string, name: string, files: string[], texts: Record<string, string>, released: string): FileEntry {
  const entries: Record<string, Uint8Array | (() => Uint8Array)> = Object.fromEntries(
    Object.entries(texts).map(([path, text]) => [path, new TextEncoder().encode(text)]),
  );
  for (const f of files) entries[f] = () => readFileSync(pathInside(root, f));
  writeFileSync(
    pathInside(root, name),
    deterministicZip(entries, new Date(`${released}T00:00:00Z`), (f) => COMPRESSED.test(f)),
  );
  return fileEntry(root, name);
}
