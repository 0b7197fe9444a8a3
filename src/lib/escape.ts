const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML or SVG markup, in element content and in quoted attributes alike. */
export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

const CHARACTERS = Object.fromEntries(Object.entries(ENTITIES).map(([c, e]) => [e, c]));

/** The text escapeHtml was given, from its output. */
export const unescapeHtml = (markup: string): string => markup.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => CHARACTERS[e]);
