/**
 * Vietnamese text that went through the wrong encoding on its way into a file: still valid UTF-8,
 * so no decoder complains, but unreadable on every page that shows it. Three accidents are common
 * in Vietnamese offices: UTF-8 read as Windows-1252 and saved again ("Quáº£ng Ninh", what Excel
 * does to a UTF-8 CSV it opened as ANSI), and text typed in a pre-Unicode font's code, TCVN3 (ABC,
 * the .Vn fonts: "Qu¶ng Ninh") or VNI ("Quaûng Ninh").
 */
export type MisEncoding = { code: 'windows-1252' | 'TCVN3'; meant: string } | { code: 'VNI'; meant: null };

/** Windows-1252's characters in 0x80–0x9F by their byte; the rest of 0x80–0xFF is Latin-1's. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const BYTE_OF = new Map<string, number>([...WINDOWS_1252_HIGH].map((c, i) => [c, 0x80 + i]));
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text as UTF-8 bytes written out in Windows-1252 would have been, if it is that; else null. */
function utf8ReadAs1252(text: string): string | null {
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0)!;
    const byte = BYTE_OF.get(c) ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : null);
    if (byte == null) return null;
    bytes.push(byte);
  }
  if (!bytes.some((b) => b >= 0x80)) return null;
  let meant: string;
  try {
    meant = strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
  // Vietnamese letters, Latin-1 and punctuation: TCVN3's codes can make valid UTF-8 too ("ẽă" as
  // "Ï¨", read so a Greek letter).
  return /[^\t\n\r\u0020-\u00ffĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9\u2000-\u206f€]/.test(meant) ? null : meant;
}

/**
 * The letters of TCVN 5712 (TCVN3, ABC) by their code, 0xA1–0xFF; a space where it has none
 * (0xB0–0xB4 are its combining marks, which the .Vn fonts do not use).
 */
const TCVN3 = 'ĂÂÊÔƠƯĐăâêôơưđẰ     àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ';
/** TCVN3's codes as the Latin-1 characters they show as: symbols within a word give it away. */
const TCVN3_SIGN = /[\p{L}\u00a1-\u00bf\u00d7\u00f7][\u00a1-\u00bf\u00d7\u00f7]|[\u00a1-\u00bf\u00d7\u00f7]\p{L}/u;

/** Whether every character is Latin-1's, as text in a pre-Unicode font's code shows. */
const inLatin1 = (text: string) => [...text].every((c) => c.codePointAt(0)! <= 0xff);

function tcvn3(text: string): string | null {
  if (!TCVN3_SIGN.test(text) || !inLatin1(text)) return null;
  let meant = '';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    const letter = code >= 0xa1 ? TCVN3[code - 0xa1] : c;
    // A code that is no letter of TCVN3 (a degree sign: "25°C") says the text is something else.
    if (letter === ' ' && c !== ' ') return null;
    meant += letter;
  }
  return meant;
}

/**
 * VNI writes a mark as a Latin-1 letter after its vowel ("aû" for ả, "oä" for ộ): letters no
 * Vietnamese word has, but European ones do ("naïve"), so only a place name is read for them.
 */
const VNI_SIGN = /[aeiouyAEIOUY][\u00f8\u00fb\u00ef\u00e4\u00eb\u00f6\u00e5\u00d8\u00db\u00cf\u00c4\u00cb\u00d6\u00c5]/;

/**
 * How a text was mis-encoded, with the text meant where it can be worked out; null for text that
 * reads as written. `placeName`: the text is a Vietnamese place's name.
 */
export function misEncoding(text: string, placeName = false): MisEncoding | null {
  // Nearly every cell is ASCII or holds only Vietnamese letters beyond Latin-1: none of these.
  if (!/[\u0080-\u00ff]/.test(text)) return null;
  const fromUtf8 = utf8ReadAs1252(text);
  if (fromUtf8 != null && fromUtf8 !== text) return { code: 'windows-1252', meant: fromUtf8 };
  const fromTcvn3 = tcvn3(text);
  if (fromTcvn3 != null) return { code: 'TCVN3', meant: fromTcvn3 };
  if (placeName && VNI_SIGN.test(text) && inLatin1(text)) return { code: 'VNI', meant: null };
  return null;
}

/** What to tell whoever wrote a mis-encoded text: what happened, what it meant, and how to mend the file. */
export function misEncodingMessage(found: MisEncoding): string {
  const meant = found.meant ? ` (did you mean "${found.meant}"?)` : '';
  return found.code === 'windows-1252'
    ? `reads as Vietnamese saved in the wrong encoding${meant}: the file was opened as Windows-1252 (ANSI) and saved again; open it as UTF-8 and save it as UTF-8 (in Excel, "CSV UTF-8")`
    : `is typed in the ${found.code} font code, not in Unicode${meant}: convert it to Unicode (for example with Unikey's converter, ${found.code === 'VNI' ? 'VNI Windows' : 'TCVN3 (ABC)'} to Unicode)`;
}
