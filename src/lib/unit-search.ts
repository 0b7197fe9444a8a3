import { stripDiacritics } from './names.ts';

/** Apostrophes as names of the Central Highlands write them (Ea H'Leo, Đắk R’Lấp), typed or typeset. */
const APOSTROPHES = /['‘’ʼ`´]/g;

/**
 * Lower case, no tone or vowel marks, đ as d, single spaces: what a reader types on any keyboard.
 * An apostrophe parts a word or joins it (`apostrophe`), as "Ea H'Leo" is written both "Ea H Leo"
 * and "Ea Hleo".
 */
export const searchKey = (text: string, apostrophe: '' | ' ' = ' ') =>
  stripDiacritics(text)
    .replace(APOSTROPHES, apostrophe)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Whether every word of a query starts a word of the name ("ha khanh" and "Hà Khánh" both find
 * Phường Hà Khánh), apostrophes read alike in both as parting or as joining.
 */
export function nameMatches(name: string, query: string): boolean {
  return (['', ' '] as const).some((apostrophe) => {
    const words = searchKey(query, apostrophe).split(' ').filter(Boolean);
    const key = ` ${searchKey(name, apostrophe)} `;
    return words.length > 0 && words.every((w) => key.includes(` ${w}`));
  });
}
