import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { LOCALES } from '../i18n/locales.ts';
import { checkedVersion } from '../lib/dataset-version.ts';
import { CONTENT_SECURITY_POLICY } from '../lib/csp.ts';
import { escapeHtml } from '../lib/escape.ts';
import { pathInside } from '../lib/safe-path.ts';
import { removeStaging } from '../pipeline/publish-dir.ts';
import type { FromCompressor, ToCompressor } from './precompress-worker.ts';
import { WorkerPool } from '../pipeline/worker-pool.ts';
import type { XlsxTable } from '../lib/xlsx-workbook.ts';
import { receiveRenderedPages } from './rendered-pages.ts';
import { makeWorkbooksWith } from './workbook-thread.ts';

/**
 * Ships the published data the pages were built from, when it is not already in public/, and
 * never what a running or killed pipeline left beside it (data.tmp-*, data.old-*, data.lock).
 */
export function publishedData(dataDir: string): AstroIntegration {
  return {
    name: 'published-data',
    hooks: {
      'astro:build:done': ({ dir }) => {
        removeStaging(fileURLToPath(dir), basename(dataDir));
        if (dataDir === 'public/data') return;
        rmSync(new URL('data/', dir), { recursive: true, force: true });
        cpSync(dataDir, new URL('data/', dir), { recursive: true });
      },
    },
  };
}

/**
 * Each language's page for an address that has none, where hosts look for it: Astro writes the
 * default language's as 404.html but another's as en/404/index.html; hosts that serve the nearest
 * 404.html of a path (Cloudflare Pages, `npm start`) want en/404.html.
 */
export function notFoundPages(): AstroIntegration {
  return {
    name: 'not-found-pages',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const lang of LOCALES) {
          const built = join(fileURLToPath(dir), lang, '404', 'index.html');
          if (!existsSync(built)) continue;
          renameSync(built, join(fileURLToPath(dir), lang, '404.html'));
          rmSync(dirname(built), { recursive: true });
        }
      },
    },
  };
}

/**
 * Frozen embeds. Versions frozen with `npm run freeze` are kept in `frozenDir` (public/ by default,
 * which Astro already copies) and served as they were: a frozen embed is never rebuilt, so its
 * numbers stay what they were. The version being built is not frozen yet: its frozen addresses
 * (which the embed panel already offers) are small pages that forward to the live embed, identical
 * while it is current; `npm run freeze` replaces them with copies when the version is released.
 */
export function frozenEmbeds(dataDir: string, frozenDir: string): AstroIntegration {
  return {
    name: 'frozen-embeds',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        if (frozenDir !== 'public' && existsSync(frozenDir)) cpSync(frozenDir, out, { recursive: true, force: false });
        const version = checkedVersion(JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')).dataset.version);
        // Frozen for good only if the kept folder has it; a copy left in the output by an earlier build does not count.
        if (existsSync(pathInside(frozenDir, 'embed', 'v', version))) return;
        const frozen = pathInside(out, 'embed', 'v', version);
        rmSync(frozen, { recursive: true, force: true });
        const embeds = LOCALES.flatMap((lang) => {
          const live = join(out, 'embed', lang);
          if (!existsSync(live)) return [];
          return readdirSync(live, { recursive: true, encoding: 'utf8' })
            .filter((f) => f.endsWith('index.html'))
            .map((page) => ({ lang, page, file: join(live, page) }));
        });
        // Many at a time, each read only up to its title: one by one and read whole, they took
        // seconds of the build's main thread at ten times Quảng Ninh's size.
        for (let i = 0; i < embeds.length; i += FILES_AT_ONCE) {
          await Promise.all(
            embeds.slice(i, i + FILES_AT_ONCE).map(async ({ lang, page, file }) => {
              const target = pathInside(frozen, lang, page);
              // From embed/v/<version>/<lang>/<figure>/ back up to embed/, then down to the live embed.
              const figure = dirname(page)
                .split(/[\\/]/)
                .filter((x) => x && x !== '.');
              const to = `${'../'.repeat(figure.length + 3)}${lang}/${figure.map((x) => `${x}/`).join('')}`;
              const [head] = await Promise.all([headOf(file), mkdir(dirname(target), { recursive: true })]);
              await writeFile(target, forwardPage(head, to));
            }),
          );
        }
      },
    },
  };
}

/** Files read or written at once: enough to keep the disk busy, few enough for any limit on open files. */
const FILES_AT_ONCE = 64;

/** The start of a page, through its title (the whole page if its title is not near the start). */
async function headOf(file: string): Promise<string> {
  const handle = await open(file);
  try {
    const start = Buffer.alloc(16_384);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    const head = start.toString('utf8', 0, bytesRead);
    return head.includes('</title>') ? head : await readFile(file, 'utf8');
  } finally {
    await handle.close();
  }
}

/** A page that sends its reader to the live embed it stands for (`to`, relative), in that page's language and with its title. */
function forwardPage(live: string, to: string): string {
  const lang = /<html lang="([a-z-]+)"/.exec(live)?.[1] ?? 'vi';
  const title = /<title>([^<]*)<\/title>/.exec(live)?.[1] ?? '';
  const canonical = escapeHtml(to);
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"><title>${title}</title>` +
    `<meta http-equiv="refresh" content="0; url=${canonical}"><link rel="canonical" href="${canonical}"></head>` +
    `<body><a href="${canonical}">${title}</a></body></html>\n`
  );
}

/**
 * The figures' workbooks, made on a thread of their own while the main thread renders pages
 * (see workbook-thread.ts). One thread: the second core also compresses the pages.
 */
export function workbookThread(): AstroIntegration {
  return {
    name: 'workbook-thread',
    hooks: {
      'astro:build:start': () => {
        const pool = new WorkerPool<XlsxTable, Uint8Array>(new URL('./workbook-worker.ts', import.meta.url), 1);
        makeWorkbooksWith((table) => pool.run(table));
      },
      'astro:build:done': () => {
        makeWorkbooksWith(undefined);
      },
    },
  };
}

/**
 * Precompressed copies of every compressible file (see precompress.ts), by a thread of its own
 * (precompress-worker.ts): pages as they are rendered, the rest once every other hook has added
 * its files. Last in the list of integrations for that reason.
 */
export function precompressed(): AstroIntegration {
  let compressor: Worker | undefined;
  let failure: Error | undefined;
  return {
    name: 'precompressed',
    hooks: {
      'astro:build:start': () => {
        compressor = new Worker(new URL('./precompress-worker.ts', import.meta.url));
        compressor.on('error', (error) => {
          failure = error;
        });
        // Until the build is done, the thread must not keep a failed build's process alive.
        compressor.unref();
        const worker = compressor;
        receiveRenderedPages((page) => worker.postMessage({ page } satisfies ToCompressor));
      },
      'astro:build:done': async ({ dir, logger }) => {
        receiveRenderedPages(undefined);
        const worker = compressor!;
        worker.ref();
        const report = await new Promise<FromCompressor>((resolve, reject) => {
          if (failure) reject(failure);
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`precompression stopped (exit ${code})`)));
          worker.postMessage({ finish: fileURLToPath(dir) } satisfies ToCompressor);
        });
        await worker.terminate();
        logger.info(
          `${report.files} files precompressed (${(report.bytes / 1e6).toFixed(1)} MB → ${(report.brotli / 1e6).toFixed(1)} MB brotli), ` +
            `${report.early} pages while they were rendered; ${report.seconds.toFixed(1)} s after the last`,
        );
      },
    },
  };
}
