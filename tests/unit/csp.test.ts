import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allowInlineStyles, CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';

const page = (styles: string[]) =>
  `<html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">${styles.map((s) => `<style>${s}</style>`).join('')}</head><body></body></html>`;
const hash = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
const policyOf = (html: string) => html.match(/content="([^"]*)"/)![1];

describe('inline stylesheets and the content security policy', () => {
  it('allows each inline stylesheet of a page by its hash, once', () => {
    const html = allowInlineStyles(page(['a{color:red}', 'b{color:blue}', 'a{color:red}']));
    expect(policyOf(html)).toContain(`style-src 'self' ${hash('a{color:red}')} ${hash('b{color:blue}')};`);
    expect(policyOf(html).match(/sha256-/g)).toHaveLength(2);
    expect(policyOf(html)).not.toContain('unsafe-inline');
  });

  it('leaves a page without inline styles as it is', () => {
    expect(allowInlineStyles(page([]))).toBe(page([]));
  });

  it('allows a stylesheet only as it was built: one changed character is another hash', () => {
    const html = allowInlineStyles(page(['a{color:red}']));
    expect(policyOf(html)).not.toContain(hash('a{color:red }'));
  });
});
