// opentype.js 2 ships no types; this declares the part the project uses.
declare module 'opentype.js' {
  export interface Font {
    getAdvanceWidth(text: string, fontSize: number, options?: { kerning?: boolean }): number;
    unitsPerEm: number;
    tables: { os2: { sxHeight: number } };
  }
  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
