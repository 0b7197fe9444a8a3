import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { misEncoding } from '../../src/pipeline/mis-encoded-text.ts';

/** Every name and text the datasets hold, as written: none of it is mis-encoded. */
const written = ['data/quang-ninh', 'data/nui-may', 'data/template'].flatMap((dir) =>
  ['units.csv', 'villages.csv', 'targets.csv', 'plan_sections.csv', 'published_figures.csv', 'gso_province_poverty_rates.csv'].flatMap(
    (file) => {
      try {
        return readFileSync(`${dir}/${file}`, 'utf8').split(/[,\n"]/);
      } catch {
        return [];
      }
    },
  ),
);

const asWindows1252 = (text: string) => new TextDecoder('windows-1252').decode(Buffer.from(text, 'utf8'));
const TCVN3_CODES = new Map(
  [...'ĂÂÊÔƠƯĐăâêôơưđẰ     àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ'].map((c, i) => [
    c,
    String.fromCharCode(0xa1 + i),
  ]),
);
/** A text as TCVN3's codes show in a Unicode file; null where a letter has no code (most capitals with marks). */
const asTcvn3 = (text: string) => {
  const out = [...text].map((c) => (c.charCodeAt(0) < 0x80 ? c : (TCVN3_CODES.get(c) ?? null)));
  return out.includes(null) ? null : out.join('');
};

/** Vietnamese words as the language makes them: an onset, one vowel with its mark, perhaps a glide and a final. */
const ONSETS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];
const VOWELS = [...'aăâeêioôơuưyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ'];
const FINALS = ['', 'i', 'o', 'u', 'y', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];
const syllable = fc
  .tuple(fc.constantFrom(...ONSETS), fc.constantFrom(...VOWELS), fc.constantFrom(...FINALS), fc.boolean())
  .map(([onset, vowel, final, capital]) => {
    const word = onset + vowel + final;
    return capital ? word[0].toUpperCase() + word.slice(1) : word;
  });
const vietnamese = fc
  .array(syllable, { minLength: 1, maxLength: 5 })
  .map((words) => words.join(' '))
  .filter((t) => /[^\u0020-\u007e]/.test(t));

describe('Vietnamese text that went through the wrong encoding', () => {
  it('finds UTF-8 read as Windows-1252 and says what was meant', () => {
    expect(misEncoding('Quáº£ng Ninh')).toEqual({ code: 'windows-1252', meant: 'Quảng Ninh' });
    // "ỏ" leaves a C1 control behind (0x8F has no Windows-1252 character): the text is still recovered.
    expect(misEncoding(asWindows1252('Xã Đồng Mỏ'))).toEqual({ code: 'windows-1252', meant: 'Xã Đồng Mỏ' });
    fc.assert(
      fc.property(vietnamese, (text) => {
        expect(misEncoding(asWindows1252(text))).toEqual({ code: 'windows-1252', meant: text });
      }),
    );
  });

  it('finds text typed in TCVN3 (ABC) and says what was meant', () => {
    expect(misEncoding('Qu¶ng Ninh')).toEqual({ code: 'TCVN3', meant: 'Quảng Ninh' });
    expect(misEncoding('X· §ång V¨n')).toEqual({ code: 'TCVN3', meant: 'Xã Đồng Văn' });
    fc.assert(
      fc.property(
        // A text is known for TCVN3 by a letter whose code shows as a sign (ă â ê ô ơ ư đ, a with a
        // mark) within a word: "Mỹ Lệ", without one, reads as Latin-1 letters and is let through.
        vietnamese.filter((t) => asTcvn3(t) != null && /\p{L}[ăâêôơưđàảãáạằẳẵắữì]|[ăâêôơưđàảãáạằẳẵắữì]\p{L}/u.test(t)),
        (text) => {
          expect(misEncoding(asTcvn3(text)!)).toEqual({ code: 'TCVN3', meant: text });
        },
      ),
    );
  });

  it('finds a place name typed in VNI, not a European word in other text', () => {
    expect(misEncoding('Quaûng Ninh', true)).toEqual({ code: 'VNI', meant: null });
    expect(misEncoding('Haï Long', true)).toEqual({ code: 'VNI', meant: null });
    expect(misEncoding('Naïve forecasts', false)).toBeNull();
  });

  it('never flags text written right: every dataset text, Vietnamese of any letters, and common signs', () => {
    expect(written.length).toBeGreaterThan(1000);
    for (const text of written) expect(misEncoding(text, true), text).toBeNull();
    fc.assert(
      fc.property(vietnamese, (text) => {
        expect(misEncoding(text, true)).toBeNull();
      }),
    );
    for (const text of ["Ea H'Leo", 'Đắk R’Lấp', '25°C', '© GSO 2024', 'Müller, J.', 'café', 'Bà Rá', 'm²', '½', 'A × B'])
      expect(misEncoding(text), text).toBeNull();
  });
});
