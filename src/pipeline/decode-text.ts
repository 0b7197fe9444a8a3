import { fileIssue, type Issue } from './issues.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a text file the way a statistics office saves it: UTF-8 with or without a byte-order
 * mark, or UTF-16 with one (Excel's "Unicode text"). Anything else gets a message that says how
 * to save the file, instead of columns named with NUL bytes.
 */
export function decodeText(file: string, bytes: Uint8Array, issues: Issue[]): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 400);
  const nulAt = (parity: number) => sample.filter((b, i) => i % 2 === parity && b === 0).length;
  if (sample.length >= 4 && Math.max(nulAt(0), nulAt(1)) > sample.length / 4) {
    issues.push(
      fileIssue(
        'error',
        file,
        'encoding_utf16',
        'the file is UTF-16 without a byte-order mark: save it as "CSV UTF-8 (comma delimited)" in Excel, or as UTF-8 in another editor',
      ),
    );
    return null;
  }
  try {
    const text = utf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    issues.push(
      fileIssue(
        'error',
        file,
        'encoding_utf8',
        'the file is not valid UTF-8 (perhaps Windows-1258 or TCVN3): save it as "CSV UTF-8 (comma delimited)" in Excel, or as UTF-8 in another editor',
      ),
    );
    return null;
  }
}
