/**
 * Characters no data text may hold: C0 and C1 controls (they make SVG and XML invalid), bidi
 * overrides (they make text read differently from how it is stored), byte-order marks and
 * non-characters. Tab and line breaks are allowed only where a column says so.
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BREAKS = /[\t\n\r]/;

/** The first character a text may not hold, as "U+0007", or null. */
export function unsafeCharacter(text: string, multiline = false): string | null {
  const found = UNSAFE.exec(text) ?? (multiline ? null : BREAKS.exec(text));
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}
