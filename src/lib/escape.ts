const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML or SVG markup, in element content and in quoted attributes alike. */
export const escapeHtml = (value: unknown): string => {
  const text = String(value ?? '');
  // Most of what a chart writes (numbers, codes, coordinates) has nothing to escape: tested
  // first, it is returned as it is, without the replacement's copy and calls (the site's build
  // escapes millions of them).
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITIES[c]) : text;
};
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

const CHARACTERS = Object.fromEntries(Object.entries(ENTITIES).map(([c, e]) => [e, c]));

/** The text escapeHtml was given, from its output. */
export const unescapeHtml = (markup: string): string => markup.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => CHARACTERS[e]);
