/**
 * The build's compression thread. While Astro renders pages on the main thread, this one
 * compresses each page it is handed (the second core is otherwise half idle); when the build is
 * done, it writes the compressed copies of the whole site, those pages from what it already has.
 * A thread of its own also keeps the compressors' buffers out of the main thread's heap, which
 * holds every page's data: there they set off full collections.
 */
import { parentPort } from 'node:worker_threads';
import { EarlyCopies, precompress } from './precompress.ts';

export type ToCompressor = { page: Uint8Array } | { finish: string };
export type FromCompressor = { files: number; bytes: number; brotli: number; early: number; seconds: number };

const early = new EarlyCopies();
parentPort!.on('message', async (message: ToCompressor) => {
  if ('page' in message) {
    early.add(Buffer.from(message.page.buffer, message.page.byteOffset, message.page.byteLength));
    return;
  }
  const t0 = performance.now();
  const report = await precompress(message.finish, early);
  parentPort!.postMessage({ ...report, early: early.size, seconds: (performance.now() - t0) / 1000 } satisfies FromCompressor);
});
