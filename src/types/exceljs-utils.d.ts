// exceljs declares its API, not its helpers; this declares the one the project shares with it.
declare module 'exceljs/lib/utils/utils.js' {
  const utils: {
    /** Text as exceljs escapes it in a sheet's XML (entities, and characters XML cannot hold left out). */
    xmlEncode(text: string): string;
  };
  export default utils;
}
