const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Whether a text is printable ASCII only, as nearly every code and number in the data is: such a
 * text is already in Unicode's composed form, and is its own UTF-8 a character to a byte.
 */
export const isPrintableAscii = (text: string) => PRINTABLE_ASCII.test(text);
