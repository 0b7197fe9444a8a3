import type { Page } from 'playwright-core';
import type { Site } from './browser.ts';
import { pageKinds } from './pages.ts';

/**
 * What a reader on a phone meets on a page, read as rendered: text under 12 px (chart text after
 * the SVG is scaled), chart text cut by its edge, a pattern found only in a hidden copy, tap
 * targets under 24 px, a table cell standing a word a line, a table made to fit a phone that
 * scrolls, and anything wider than the screen outside a box that scrolls.
 */
interface Finding {
  what: string;
  size: string;
}

/** What a 360-px reader would struggle with on the open page. */
const problems = (page: Page) =>
  page.evaluate((): Finding[] => {
    const out: { what: string; size: string }[] = [];
    const shown = (e: Element) => {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return false;
      for (let n: Element | null = e; n; n = n.parentElement) {
        if (n.tagName === 'DETAILS' && !(n as HTMLDetailsElement).open && !n.querySelector(':scope > summary')?.contains(e)) return false;
        const s = getComputedStyle(n);
        if (s.display === 'none' || s.visibility === 'hidden') return false;
      }
      return true;
    };
    const name = (e: Element) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
    // Text in charts, as drawn after the SVG is scaled to the screen.
    for (const t of document.querySelectorAll('svg text')) {
      if (!shown(t) || !(t.textContent ?? '').trim()) continue;
      const m = (t as SVGTextElement).getScreenCTM();
      const px = parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
      if (px < 11.95) out.push({ what: `chart text ${name(t)}`, size: `${px.toFixed(1)} px` });
      // …and not cut off by the edge of its chart.
      const [a, b] = [t.getBoundingClientRect(), t.closest('svg')!.getBoundingClientRect()];
      const past = Math.max(b.left - a.left, a.right - b.right, b.top - a.top, a.bottom - b.bottom);
      if (past > 1.5) out.push({ what: `chart text cut ${name(t)}`, size: `${past.toFixed(0)} px past the edge` });
    }
    // A fill drawn from a pattern finds it in its own drawing: the page holds each chart twice, and
    // a pattern in the hidden copy draws nothing (units too few for a rate were left blank).
    for (const shape of document.querySelectorAll('svg [fill^="url(#"]')) {
      if (!shown(shape)) continue;
      const id = shape.getAttribute('fill')!.slice(5, -1);
      if (!shape.closest('svg')!.contains(document.getElementById(id)))
        out.push({ what: `fill from a hidden pattern ${name(shape)}`, size: id });
    }
    // Text in the page.
    for (const e of document.querySelectorAll('body *:not(svg *):not(script):not(style)')) {
      const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      if (!own || !shown(e)) continue;
      const px = parseFloat(getComputedStyle(e).fontSize);
      if (px < 11.95) out.push({ what: `text ${name(e)}`, size: `${px} px` });
    }
    // Tap targets; a link inside a sentence is sized by its line (WCAG 2.5.8, inline exception).
    for (const e of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex="0"]')) {
      if (!shown(e)) continue;
      let block = e.parentElement;
      while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
      const inSentence =
        e.tagName === 'A' && !e.closest('svg') && (block?.textContent ?? '').replace(e.textContent ?? '', '').trim() !== '';
      if (inSentence || e.closest('[data-geographic]')) continue;
      const r = e.getBoundingClientRect();
      if (r.width < 23.5 || r.height < 23.5) out.push({ what: `target ${name(e)}`, size: `${r.width.toFixed(0)}×${r.height.toFixed(0)}` });
    }
    // A table cell of words has room for a few a line: a column that gives its width away to the
    // others leaves a name standing one word to a line down a phone's screen (a column's heading
    // over numbers may stack its words, as in print).
    for (const cell of document.querySelectorAll('td, th:not([scope="col"])')) {
      if (!shown(cell)) continue;
      // Each run of text on its own: a cell may hold a code, a badge and a description, each its own block.
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const words = (text.textContent ?? '').trim().split(/\s+/).length;
        if (words < 4) continue;
        const range = document.createRange();
        range.selectNodeContents(text);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size;
        if (lines >= words) out.push({ what: `word a line ${name(cell)}`, size: `${words} words in ${lines} lines` });
      }
    }
    // A table laid out for a phone (its box marked so) fits it whole: nothing in it scrolls out of sight.
    for (const box of document.querySelectorAll('[data-fits-phone]')) {
      if (shown(box) && box.scrollWidth > box.clientWidth + 1)
        out.push({ what: `table scrolls ${name(box)}`, size: `${box.scrollWidth} px in ${box.clientWidth}` });
    }
    // Nothing sticks out of the screen, except inside a box that scrolls.
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      out.push({ what: 'page wider than the screen', size: `${document.documentElement.scrollWidth} px` });
    return out;
  });

/** What a reader of an open page would struggle with (tap targets only where a finger is the pointer), each kind once. */
async function findings(page: Page, taps: boolean): Promise<string[]> {
  const found = (await problems(page)).filter((f) => taps || !f.what.startsWith('target'));
  return [...new Map(found.map((f) => [f.what.replace(/"[^"]*"/, '"…"'), f])).values()].map((f) => `${f.what}: ${f.size}`).slice(0, 20);
}

async function openAt(site: Site, path: string, width: number, height: number): Promise<Page> {
  const page = await site.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(site.url + path, { waitUntil: 'load' });
  return page;
}

/** Opens a page at a size and lists what a reader there would struggle with. */
export async function readAt(site: Site, path: string, width: number, height: number, taps: boolean): Promise<string[]> {
  const page = await openAt(site, path, width, height);
  const found = await findings(page, taps);
  await page.close();
  return found;
}

/**
 * readAt, as the page opens and then with every panel a reader can open opened (embed, citation,
 * a chart's data table, a table's columns): one load for both.
 */
export async function readClosedAndOpened(
  site: Site,
  path: string,
  width: number,
  height: number,
  taps: boolean,
): Promise<{ closed: string[]; opened: string[] }> {
  const page = await openAt(site, path, width, height);
  const closed = await findings(page, taps);
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  const opened = await findings(page, taps);
  await page.close();
  return { closed, opened };
}

/**
 * What a reader meets on every page kind of a built site, in both languages: on a 360-px phone
 * (taps included), as it opens and with every panel opened, and at 1280 px. Each finding names its page.
 */
export async function readEveryKind(site: Site, root: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of pageKinds(root).flatMap((p) => [p, `en/${p}`])) {
    const { closed, opened } = await readClosedAndOpened(site, path, 360, 740, true);
    for (const f of closed) found.push(`/${path} at 360 px: ${f}`);
    for (const f of opened) found.push(`/${path} at 360 px, every panel open: ${f}`);
    for (const f of await readAt(site, path, 1280, 900, false)) found.push(`/${path} at 1280 px: ${f}`);
  }
  return found;
}
