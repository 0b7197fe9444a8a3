import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const walk = (root: string, dir: string, skip: string[]): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return skip.includes(e.name) && dir === root ? [] : walk(root, join(dir, e.name), skip);
    return e.name === 'index.html' ? [relative(root, dir) ? `${relative(root, dir)}/` : ''] : [];
  });

/** Every page of a built site a reader navigates, as paths relative to its root ("" for the home page); embeds apart. */
export const builtPages = (root = 'dist'): string[] => walk(root, root, ['_astro', 'data', 'embed', 'figures']).sort();

/** Every embed page of a built site, live and frozen: "embed/vi/map/…/". */
export const embedPages = (root = 'dist'): string[] => walk(root, join(root, 'embed'), []).sort();

const KINDS = [
  /^$/,
  /^map\/$/,
  /^map\/district\//,
  /^map\/commune\//,
  /^map\/units2025\//,
  /^communes\/$/,
  /^communes\/[^/]+\/$/,
  /^districts\/[^/]+\/$/,
  /^deprivation\//,
  /^targets\/$/,
  /^targets\/[^/]+\/$/,
  /^targets\/report\/(\d+\/)?$/,
  /^program-135\/$/,
  /^program-135\/[^/]+\/$/,
  /^national\//,
  /^plan\//,
  /^explore\/$/,
  /^downloads\/$/,
  /^sources\/$/,
];

/**
 * The Vietnamese pages of each kind the site has that tests and screenshots read: the first built
 * page of each, and the largest where it is another (the one with the most on it: a merged
 * commune's two trends and its history, say).
 */
export const pageKinds = (root = 'dist'): string[] => {
  const pages = builtPages(root);
  const size = (p: string) => statSync(join(root, p, 'index.html')).size;
  return KINDS.flatMap((k) => {
    const ofKind = pages.filter((p) => k.test(p));
    if (ofKind.length === 0) return [];
    const largest = ofKind.reduce((a, b) => (size(b) > size(a) ? b : a));
    return [...new Set([ofKind[0], largest])];
  });
};

/**
 * Vietnamese pages to load in a browser: the first, middle and last page of each kind (different
 * data, same code), and every page no kind describes, so that a new kind of page is never skipped.
 */
export const pageSample = (root = 'dist'): string[] => {
  const pages = builtPages(root).filter((p) => !p.startsWith('en/'));
  const picked = KINDS.flatMap((k) => {
    const ofKind = pages.filter((p) => k.test(p));
    return [...new Set([ofKind[0], ofKind[Math.floor(ofKind.length / 2)], ofKind.at(-1)])].filter((p) => p != null);
  });
  return [...picked, ...pages.filter((p) => !KINDS.some((k) => k.test(p)))];
};
