import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';
import { builtPages, embedPages } from './pages.ts';

const pages = [...builtPages(), ...embedPages()].map((p) => ({ path: p, html: readFileSync(join('dist', p, 'index.html'), 'utf8') }));

describe('security baseline of the built HTML', () => {
  it('ships the Content-Security-Policy on every page, allowing its inline stylesheet by hash and nothing else inline', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    for (const { path, html } of pages) {
      const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map(([, css]) => css);
      // The stylesheet is in the page, so the first paint waits for no second request.
      expect(html.match(/<link[^>]*rel="stylesheet"/g), path).toBeNull();
      const hashes = [...new Set(styles.map((css) => ` 'sha256-${createHash('sha256').update(css).digest('base64')}'`))].join('');
      const policy = CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self'${hashes}`);
      expect(html, path).toContain(`http-equiv="Content-Security-Policy" content="${policy}"`);
    }
  });

  it('has no inline script, inline event handler or style attribute, so the policy needs no unsafe-inline', () => {
    for (const { path, html } of pages) {
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g), path).toBeNull();
      expect(html.match(/<[^>]+\son[a-z]+=/gi), path).toBeNull();
      expect(html.match(/<[^>]+\sstyle=/gi), path).toBeNull();
    }
  });

  it('loads DuckDB only on the page that explores data, and scripts only where they add interaction', () => {
    const withDuckDb = pages.filter(({ html }) => /<script[^>]*src="[^"]*explore[^"]*"/.test(html)).map(({ path }) => path);
    expect(withDuckDb.sort()).toEqual(['en/explore/', 'explore/']);
    // Scripts add tooltips and exports to figures, sorting to the coverage tables, the query editor, and a name search to the list of units.
    const withScripts = pages.filter(({ html }) => /<script[^>]*src=/.test(html));
    const unexplained = withScripts.filter(
      ({ path, html }) => !/data-figure(-tools)?=/.test(html) && !/^(en\/)?(explore|targets\/[^/]+|communes)\/$/.test(path),
    );
    expect(unexplained.map(({ path }) => path)).toEqual([]);
  });
});
