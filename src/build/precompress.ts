import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The kinds of file that shrink when compressed (PNG, ZIP, Parquet and XLSX already are). */
export const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|csv|txt|wasm|arrow|geojson|ttf)$/;
/** Below this, a compressed copy saves less than the request's own headers. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes `file.br` and `file.gz` beside every compressible file of the built site, so that a
 * server (npm start, nginx gzip_static/brotli_static, Caddy precompressed) sends them as they are
 * instead of compressing on every request, or not at all. Brotli at quality 5: within 4 % of
 * quality 9 on these files, and over 20 times faster than 11 on DuckDB's 34-MB wasm.
 */
export async function precompress(root: string): Promise<{ files: number; bytes: number; brotli: number }> {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => COMPRESSIBLE.test(f))
    .map((f) => join(root, f))
    .filter((f) => statSync(f).size >= MIN_BYTES);
  let bytes = 0;
  let brotliBytes = 0;
  // A few at a time: zlib runs them on the thread pool, all cores busy without holding every file in memory.
  const BATCH = 16;
  for (let i = 0; i < files.length; i += BATCH) {
    await Promise.all(
      files.slice(i, i + BATCH).map(async (file) => {
        const data = readFileSync(file);
        const [br, gzipped] = await Promise.all([
          brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
          gz(data, { level: 9 }),
        ]);
        writeFileSync(`${file}.br`, br);
        writeFileSync(`${file}.gz`, gzipped);
        bytes += data.length;
        brotliBytes += br.length;
      }),
    );
  }
  return { files: files.length, bytes, brotli: brotliBytes };
}
