import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allowInlineStyles, CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';

const page = (styles: string[]) =>
  `<html><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">${styles.map((s) => `<style>${s}</style>`).join('')}</head><body></body></html>`;
const hash = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
const policyOf = (html: string) => html.match(/content="([^"]*)"/)![1];
/** What the build does to a page: its bytes in, its bytes out. */
const allowed = (html: string) => Buffer.from(allowInlineStyles(Buffer.from(html))).toString('utf8');

describe('inline stylesheets and the content security policy', () => {
  it('allows each inline stylesheet of a page by its hash, once', () => {
    const html = allowed(page(['a{color:red}', 'b{color:blue}', 'a{color:red}']));
    expect(policyOf(html)).toContain(`style-src 'self' ${hash('a{color:red}')} ${hash('b{color:blue}')};`);
    expect(policyOf(html).match(/sha256-/g)).toHaveLength(2);
    expect(policyOf(html)).not.toContain('unsafe-inline');
  });

  it('leaves a page without inline styles as it is', () => {
    expect(allowed(page([]))).toBe(page([]));
  });

  it('allows a stylesheet only as it was built: one changed character is another hash', () => {
    const html = allowed(page(['a{color:red}']));
    expect(policyOf(html)).not.toContain(hash('a{color:red }'));
  });

  it('hashes a stylesheet with letters beyond ASCII by its UTF-8 bytes, and leaves every other byte of the page as it was', () => {
    const css = '.note::before{content:"Ghi chú: số liệu minh họa — "}';
    const html = page([css]).replace('<body>', '<body><p>Tỉnh Quảng Ninh, 1.234,5 hộ</p>');
    const out = allowed(html);
    expect(policyOf(out)).toContain(hash(css));
    expect(out.replace(` ${hash(css)}`, '')).toBe(html);
  });

  it('allows a style element that comes after the head as well', () => {
    const html = page(['a{color:red}']).replace('<body>', '<body><p>Tỉnh Quảng Ninh</p><style>p{margin:0}</style>');
    const out = allowed(html);
    expect(policyOf(out)).toContain(`${hash('a{color:red}')} ${hash('p{margin:0}')};`);
    expect(out.replace(` ${hash('a{color:red}')} ${hash('p{margin:0}')}`, '')).toBe(html);
  });
});
