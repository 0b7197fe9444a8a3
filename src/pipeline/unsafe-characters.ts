/**
 * Characters no data text may hold: C0 and C1 controls (they make SVG and XML invalid), bidi
 * overrides and marks (they make text read differently from how it is stored), byte-order marks,
 * non-characters, and characters that draw nothing (zero-width spaces and joiners, the soft
 * hyphen, fillers): with them two names that look the same are different text, and a search for
 * one misses the other. Tab and line breaks are allowed only where a column says so.
 */
const UNSAFE_CLASS =
  '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB\\uFFFE\\uFFFF';
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const UNSAFE = new RegExp(`[${UNSAFE_CLASS}]|${LONE_SURROGATE}`);
const BREAKS = /[\t\n\r]/;
const UNSAFE_OR_BREAK = new RegExp(`[${UNSAFE_CLASS}\\t\\n\\r]|${LONE_SURROGATE}`, 'g');

/**
 * The text with every character no data text may hold, tabs and line breaks too, written as
 * \uXXXX: what a terminal would act on or hide, in a value or in a message that quotes one.
 */
export const escapeUnsafe = (text: string) => text.replace(UNSAFE_OR_BREAK, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A character as a message names it: "U+0007". */
const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character a text may not hold, as "U+0007", or null. */
export function unsafeCharacter(text: string, multiline = false): string | null {
  const found = UNSAFE.exec(text) ?? (multiline ? null : BREAKS.exec(text));
  return found ? codePoint(found[0]) : null;
}

/**
 * A letter with more than two marks stacked on it, as its marks ("U+0300 U+0301 U+0302"), or null.
 * A Vietnamese letter carries two at most (ệ: a circumflex and a dot below); more are drawn as a
 * tower over the lines above and below, in a table, a chart or a heading.
 */
export function stackedMarks(text: string): string | null {
  const marks = /\p{M}{3,}/u.exec(text)?.[0];
  return marks ? [...marks].map(codePoint).join(' ') : null;
}
