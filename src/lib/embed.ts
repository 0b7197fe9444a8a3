/** Where embeds, their files and their frozen copies live, and the snippets that embed them. */
import { escapeHtml } from './escape.ts';
import { siteRoot } from './routes.ts';

/** The live embed of a figure (always the latest data), under the site's base path. */
export const liveEmbedPath = (base: string, lang: string, id: string) => `${siteRoot(base)}embed/${lang}/${id}/`;

/** The frozen embed: the same figure as it was in one dataset version, kept under a versioned path. */
export const frozenEmbedPath = (base: string, version: string, lang: string, id: string) => `${siteRoot(base)}embed/v/${version}/${lang}/${id}/`;

/** Where a figure's files are: chart.svg (title and source drawn in) and data.csv. */
export const figureFilesPath = (base: string, lang: string, id: string) => `${siteRoot(base)}figures/${lang}/${id}/`;

/**
 * The snippet a CMS pastes: an iframe with a title, lazy loading and a sensible height, and a
 * small script that sets the iframe's height from the embed's messages. It accepts a message
 * only from this iframe's own window, and only a height.
 */
export function iframeSnippet(src: string, title: string, height: number): string {
  return `<iframe src="${src}" title="${escapeHtml(title)}" width="100%" height="${height}" loading="lazy" style="border:0;max-width:100%"></iframe>
<script>
window.addEventListener("message", function (e) {
  if (!e.data || e.data.type !== "poverty-atlas:height" || typeof e.data.height !== "number") return;
  document.querySelectorAll("iframe").forEach(function (f) {
    if (f.contentWindow === e.source) f.style.height = Math.min(e.data.height, 5000) + "px";
  });
});
</script>`;
}
