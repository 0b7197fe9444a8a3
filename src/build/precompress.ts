import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

/** The kinds of file that shrink when compressed (PNG, ZIP, Parquet and XLSX already are). */
export const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|csv|txt|wasm|arrow|geojson|ttf)$/;
/** Below this, a compressed copy saves less than the request's own headers. */
export const MIN_BYTES = 1024;
/**
 * A figure's own SVG and CSV: thousands of small files, each fetched only when someone clicks its
 * download link. Writing two copies of each took half the precompression time (creating a file
 * costs more than compressing it); the server compresses them as it sends them.
 */
const FIGURE_DOWNLOAD = /(^|[\\/])figures[\\/].+[\\/](chart\.svg|data\.csv)$/;
/**
 * Files this large (DuckDB's wasm, 37 MB each) are the same from build to build and take most of
 * the compression time: their compressed copies are kept by content digest and reused.
 */
const CACHED_FROM_BYTES = 4 * 2 ** 20;
const CACHE_DIR = 'node_modules/.cache/atlas-precompressed';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const brotliOptions = (data: Buffer, best: boolean) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: best ? constants.BROTLI_MAX_QUALITY : 5,
    [constants.BROTLI_PARAM_LGWIN]: best ? 24 : 22,
    [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  },
});
const gzipOptions = (best: boolean) => ({ level: best ? 9 : 6 });

const compressed = (data: Buffer, best = false): Promise<[Buffer, Buffer]> =>
  Promise.all([brotli(data, brotliOptions(data, best)), gz(data, gzipOptions(best))]);

const digest = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const cacheEntry = (data: Buffer) => join(CACHE_DIR, digest(data));

/**
 * Brotli and gzip copies made while the site was still being rendered, by content digest: a file
 * on disk with the same bytes gets them without being compressed again, and any other is
 * compressed as usual. They are made on the calling thread, not on the thread pool, where they
 * would hold up the build's file writes and its DuckDB queries.
 */
export class EarlyCopies {
  readonly #copies = new Map<string, [Buffer, Buffer]>();
  add(data: Buffer): void {
    const key = digest(data);
    if (!this.#copies.has(key))
      this.#copies.set(key, [brotliCompressSync(data, brotliOptions(data, false)), gzipSync(data, gzipOptions(false))]);
  }
  get(data: Buffer): [Buffer, Buffer] | undefined {
    return this.#copies.get(digest(data));
  }
  get size(): number {
    return this.#copies.size;
  }
}

/**
 * Compresses a large file that does not change from build to build at the highest settings, into
 * the cache the build reads: for a file every reader of a page downloads, worth minutes once.
 * Returns the brotli size.
 */
export async function compressBestOnce(data: Buffer): Promise<number> {
  const cached = cacheEntry(data);
  if (!existsSync(`${cached}.best`)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    await writeCopies(cached, await compressed(data, true));
    await writeFile(`${cached}.best`, '');
  }
  return statSync(`${cached}.br`).size;
}

/** Writes both copies of `file`, from the early copies or the cache when its content was compressed before. */
async function writeCompressed(file: string, data: Buffer, early: EarlyCopies): Promise<number> {
  if (data.length < CACHED_FROM_BYTES) {
    const copies = await (early.get(data) ?? compressed(data));
    await writeCopies(file, copies);
    return copies[0].length;
  }
  const cached = await compressOnce(data);
  await Promise.all([copyFile(`${cached}.br`, `${file}.br`), copyFile(`${cached}.gz`, `${file}.gz`)]);
  return statSync(`${file}.br`).size;
}

/**
 * The cache's copies of a large file at the build's own settings, made if it has none: the path
 * they are at, less `.br` or `.gz`.
 */
export async function compressOnce(data: Buffer): Promise<string> {
  const cached = cacheEntry(data);
  if (!existsSync(`${cached}.br`) || !existsSync(`${cached}.gz`)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    await writeCopies(cached, await compressed(data));
  }
  return cached;
}

/** Writes a brotli and a gzip copy as `path.br` and `path.gz`. */
const writeCopies = (path: string, [br, gzipped]: [Buffer, Buffer]) =>
  Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);

/**
 * Writes `file.br` and `file.gz` beside every compressible file of the built site but figure
 * downloads, so that a server (npm start, nginx gzip_static/brotli_static, Caddy precompressed)
 * sends them as they are instead of compressing on every request, or not at all. Brotli at
 * quality 5: within 4 % of quality 9 on these files, and over 20 times faster than 11 on DuckDB's
 * 34-MB wasm. Gzip at 6: within 0,5 % of 9 in size, in a quarter less time on the pages and half
 * on the wasm. A file `compressBestOnce` has compressed before (the wasm browsers load, at
 * install) gets those copies instead.
 */
export async function precompress(root: string, early = new EarlyCopies()): Promise<{ files: number; bytes: number; brotli: number }> {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => COMPRESSIBLE.test(f) && !FIGURE_DOWNLOAD.test(f))
    .map((f) => join(root, f))
    .filter((f) => statSync(f).size >= MIN_BYTES);
  let bytes = 0;
  let brotliBytes = 0;
  // A few at a time, reading and writing asynchronously: zlib and the file system run on the
  // thread pool, all cores busy without holding every file in memory.
  const BATCH = 16;
  for (let i = 0; i < files.length; i += BATCH) {
    await Promise.all(
      files.slice(i, i + BATCH).map(async (file) => {
        const data = await readFile(file);
        const brotliSize = await writeCompressed(file, data, early);
        brotliBytes += brotliSize;
        bytes += data.length;
      }),
    );
  }
  return { files: files.length, bytes, brotli: brotliBytes };
}
