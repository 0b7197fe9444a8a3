/**
 * Writes the precompressed copies of a built site (see src/build/precompress.ts):
 * `node scripts/precompress.ts <dir>`. The build runs it as its own process, and prints its one
 * line of figures.
 */
import { precompress } from '../src/build/precompress.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/precompress.ts <built site folder>');
  process.exit(2);
}
const t0 = performance.now();
const { files, bytes, brotli } = await precompress(dir);
console.log(
  `${files} files precompressed (${(bytes / 1e6).toFixed(1)} MB → ${(brotli / 1e6).toFixed(1)} MB brotli) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
