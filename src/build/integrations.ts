import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LOCALES } from '../i18n/t.ts';
import { checkedVersion } from '../lib/dataset-version.ts';
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
 * Frozen embeds. Every build keeps a copy of its embeds under embed/v/<dataset version>/, and
 * brings back the frozen versions kept in `frozenDir` (public/ by default, which Astro already
 * copies): a frozen embed is never rebuilt, so its numbers stay what they were.
 */
export function frozenEmbeds(dataDir: string, frozenDir: string): AstroIntegration {
  return {
    name: 'frozen-embeds',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        if (frozenDir !== 'public' && existsSync(frozenDir)) cpSync(frozenDir, out, { recursive: true, force: false });
        const version = checkedVersion(JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')).dataset.version);
        const frozen = pathInside(out, 'embed', 'v', version);
        for (const lang of LOCALES) {
          if (!existsSync(join(frozen, lang)) && existsSync(join(out, 'embed', lang))) {
            cpSync(join(out, 'embed', lang), join(frozen, lang), { recursive: true });
          }
        }
      },
    },
  };
}
