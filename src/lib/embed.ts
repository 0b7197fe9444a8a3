/** Where embeds, their files and their frozen copies live, and the snippets that embed them. */
import { escapeHtml } from './escape.ts';
import { siteRoot } from './routes.ts';

/** The live embed of a figure (always the latest data), under the site's base path. */
export const liveEmbedPath = (base: string, lang: string, id: string) => `${siteRoot(base)}embed/${lang}/${id}/`;

/** The frozen embed: the same figure as it was in one dataset version, kept under a versioned path. */
export const frozenEmbedPath = (base: string, version: string, lang: string, id: string) =>
  `${siteRoot(base)}embed/v/${version}/${lang}/${id}/`;

/** Where a figure's files in one language are: chart.svg (title and source drawn in), data.csv and share.png. */
export const figureFilesPath = (base: string, lang: string, id: string) => `${siteRoot(base)}figures/${lang}/${id}/`;

/** Where a figure's files for every language are: data.xlsx, headed in both. */
export const figureWorkbookPath = (base: string, id: string) => `${siteRoot(base)}figures/${id}/data.xlsx`;

/** The tallest an embed may make its iframe: a long data table scrolls inside rather than push a page to any length. */
export const MAX_EMBED_HEIGHT = 4000;

/**
 * The snippet a CMS pastes: an iframe with a title, lazy loading and a sensible height, and a
 * small script that sets that iframe's height from its messages. It listens to its own iframe
 * only (the message's source is that iframe's window, its origin the atlas's), takes only a
 * finite height, and clamps it. Every attribute is escaped.
 */
export function iframeSnippet(src: string, title: string, height: number): string {
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="100%" height="${Math.round(height)}" loading="lazy" style="border:0;max-width:100%"></iframe>
<script>
(function () {
  var frame = document.currentScript.previousElementSibling;
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!frame || e.source !== frame.contentWindow || e.origin !== new URL(frame.src, location.href).origin) return;
    if (!d || d.type !== "poverty-atlas:height" || typeof d.height !== "number" || !isFinite(d.height)) return;
    frame.style.height = Math.max(80, Math.min(d.height, ${MAX_EMBED_HEIGHT})) + "px";
  });
})();
</script>`;
}
