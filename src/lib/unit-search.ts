import { stripDiacritics } from './names.ts';

/** A unit a reader can find by name: its name, its district, and its page (without base or language). */
export interface SearchEntry {
  name: string;
  district: string | null;
  path: string;
}

/** Lower case, no tone or vowel marks, đ as d, single spaces: what a reader types on any keyboard. */
export const searchKey = (text: string) => stripDiacritics(text).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * The units whose name holds every word of the query ("ha khanh" finds Phường Hà Khánh), names that
 * start with the query first, then by name; at most `limit`.
 */
export function findUnits(entries: SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const scored = entries.flatMap((e) => {
    const key = ` ${searchKey(e.name)} `;
    if (!words.every((w) => key.includes(` ${w}`))) return [];
    const phrase = key.indexOf(` ${words.join(' ')}`);
    return [{ e, rank: phrase < 0 ? 2 : key.split(' ').filter(Boolean)[0] === words[0] ? 0 : 1 }];
  });
  return scored.sort((a, b) => a.rank - b.rank || a.e.name.localeCompare(b.e.name, 'vi')).slice(0, limit).map((s) => s.e);
}
