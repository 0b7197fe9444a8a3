import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LOCALES } from '../i18n/locales.ts';
import { checkedVersion } from '../lib/dataset-version.ts';
import { allowInlineStyles, CONTENT_SECURITY_POLICY } from '../lib/csp.ts';
import { escapeHtml } from '../lib/escape.ts';
import { pathInside } from '../lib/safe-path.ts';
import { removeStaging } from '../pipeline/publish-dir.ts';

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
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        if (frozenDir !== 'public' && existsSync(frozenDir)) cpSync(frozenDir, out, { recursive: true, force: false });
        const version = checkedVersion(JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')).dataset.version);
        // Frozen for good only if the kept folder has it; a copy left in the output by an earlier build does not count.
        if (existsSync(pathInside(frozenDir, 'embed', 'v', version))) return;
        const frozen = pathInside(out, 'embed', 'v', version);
        rmSync(frozen, { recursive: true, force: true });
        for (const lang of LOCALES) {
          const live = join(out, 'embed', lang);
          if (!existsSync(live)) continue;
          for (const page of readdirSync(live, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('index.html'))) {
            const target = pathInside(frozen, lang, page);
            mkdirSync(dirname(target), { recursive: true });
            // From embed/v/<version>/<lang>/<figure>/ back up to embed/, then down to the live embed.
            const figure = dirname(page)
              .split(/[\\/]/)
              .filter((x) => x && x !== '.');
            const to = `${'../'.repeat(figure.length + 3)}${lang}/${figure.map((x) => `${x}/`).join('')}`;
            writeFileSync(target, forwardPage(readFileSync(join(live, page), 'utf8'), to));
          }
        }
      },
    },
  };
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
 * Every page carries its stylesheet inline (Astro's inlineStylesheets), so the first paint waits
 * for no second request; each page's policy then allows exactly those styles by their hash.
 */
export function inlineStyleHashes(): AstroIntegration {
  return {
    name: 'inline-style-hashes',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        for (const page of readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
          const file = join(out, page);
          const html = readFileSync(file, 'utf8');
          const allowed = allowInlineStyles(html);
          if (allowed !== html) writeFileSync(file, allowed);
        }
      },
    },
  };
}

/**
 * Precompressed copies of every compressible file (see precompress.ts); last, after the other
 * hooks have added their files. They are written by a process of their own: in the build's, the
 * compressors' buffers set off full collections of a heap that holds every page's data, and the
 * same work took twice as long (8 s against 4 s for Quảng Ninh).
 */
export function precompressed(): AstroIntegration {
  let root = '';
  return {
    name: 'precompressed',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // From the project's root, where its script and its cache of compressed copies are.
        const child = spawn(process.execPath, ['scripts/precompress.ts', fileURLToPath(dir)], {
          cwd: root,
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let report = '';
        child.stdout.on('data', (chunk) => {
          report += chunk;
        });
        const code = await new Promise<number | null>((resolve, reject) => {
          child.on('error', reject);
          child.on('exit', resolve);
        });
        if (code !== 0) throw new Error(`precompression failed (exit ${code})`);
        logger.info(report.trim());
      },
    },
  };
}
