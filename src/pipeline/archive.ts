import { readFileSync, writeFileSync } from 'node:fs';
import { fileEntry, type FileEntry } from './export.ts';
import { pathInside } from '../lib/safe-path.ts';
import { type Deflated, deflateEntry, deterministicZip } from '../lib/zip.ts';

/** The Arrow copies are for the browser: the archive holds every other published file. */
export const inArchive = (path: string) => !path.endsWith('.arrow');

/** Parquet files are compressed already (zstd): deflating them again gains nothing. */
const COMPRESSED = /\.parquet$/;

/**
 * Files of the archive deflated as they are written, on zlib's threads: the national tables' CSV
 * and workbooks are deflated while the last workbook is still being written, not after it.
 */
export class ArchiveDeflater {
  private readonly root: string;
  private readonly deflating = new Map<string, Promise<Deflated>>();

  constructor(root: string) {
    this.root = root;
  }

  /** Starts deflating a file of `root`, written and not to change. */
  add(path: string) {
    if (COMPRESSED.test(path) || !inArchive(path)) return;
    const deflated = deflateEntry(readFileSync(pathInside(this.root, path)));
    // Awaited when the archive is made; a failure before then must not end the process unhandled.
    deflated.catch(() => {});
    this.deflating.set(path, deflated);
  }

  /** The file as the archive takes it: deflated if it was added, or else read when its turn comes. */
  async entry(path: string): Promise<Deflated | (() => Uint8Array)> {
    return (await this.deflating.get(path)) ?? (() => readFileSync(pathInside(this.root, path)));
  }
}

/**
 * One ZIP of every published table (Parquet, CSV, Excel), the boundaries, the dictionary, a
 * manifest of exactly what it holds and a README with the citation and licence. Entry times
 * are the release date, so the bytes are the same on every run.
 */
export async function writeArchive(
  deflater: ArchiveDeflater,
  root: string,
  name: string,
  files: string[],
  texts: Record<string, string>,
  released: string,
): Promise<FileEntry> {
  const entries: Record<string, Uint8Array | (() => Uint8Array) | Deflated> = Object.fromEntries(
    Object.entries(texts).map(([path, text]) => [path, new TextEncoder().encode(text)]),
  );
  for (const f of files) entries[f] = await deflater.entry(f);
  writeFileSync(
    pathInside(root, name),
    deterministicZip(entries, new Date(`${released}T00:00:00Z`), (f) => COMPRESSED.test(f)),
  );
  return fileEntry(root, name);
}
