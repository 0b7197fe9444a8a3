import { stripDiacritics } from './names.ts';

/** Lower case, no tone or vowel marks, đ as d, single spaces: what a reader types on any keyboard. */
export const searchKey = (text: string) =>
  stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Whether every word of a query starts a word of the name ("ha khanh" and "Hà Khánh" both find Phường Hà Khánh). */
export function nameMatches(name: string, query: string): boolean {
  const words = searchKey(query).split(' ').filter(Boolean);
  const key = ` ${searchKey(name)} `;
  return words.length > 0 && words.every((w) => key.includes(` ${w}`));
}
