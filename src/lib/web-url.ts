/**
 * The one parser for web addresses that come from data (sources, published figures). The
 * pipeline accepts an address only if this returns it, and the site reads it with this too, so
 * an address that passes validation can never break the build.
 */
export function parseWebUrl(text: string): URL | null {
  if (text.length > 500 || /\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url;
}
