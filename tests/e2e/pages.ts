import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'node-html-parser';

export { builtPages, embedPages, pageKinds, pageSample } from '../../scripts/page-kinds.ts';

/** Every file of a built site whose name matches `pattern`, bundled scripts and styles (_astro/) apart. */
export const builtFiles = (root: string, pattern: RegExp): string[] =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.startsWith('_astro') && pattern.test(f))
    .map((f) => join(root, f));

/**
 * The tables without a row and the lists without an item on a built site's pages: a section whose
 * data a dataset does not have is to be left out, not shown as headings over nothing.
 */
export function emptySections(root: string): string[] {
  return builtFiles(root, /\.html$/).flatMap((file) => {
    const html = parse(readFileSync(file, 'utf8'));
    const tables = html.querySelectorAll('table').filter((t) => t.querySelectorAll('tbody tr').length === 0);
    const lists = html.querySelectorAll('ul, ol, dl').filter((l) => l.childNodes.every((n) => n.nodeType !== 1));
    return [...tables, ...lists].map((e) => `${file}: <${e.tagName.toLowerCase()}> ${e.textContent.trim().slice(0, 60)}`);
  });
}

/**
 * The pages of a built site that show a generated value (a figure or count labelled with the
 * illustrative badge, a target's result with the note under its table) without the notice at the
 * top of the page that says so. Embeds carry the badge on their one figure and have no page around it.
 */
export const unlabelledIllustrative = (root: string): string[] =>
  builtFiles(root, /\.html$/).filter((file) => {
    if (/^embed\//.test(relative(root, file))) return false;
    const html = readFileSync(file, 'utf8');
    return /data-illustrative-(badge|note)/.test(html) && !/data-illustrative[\s>]/.test(html);
  });
