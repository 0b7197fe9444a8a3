/**
 * npm run glyph-widths: writes src/lib/glyph-widths.json, the advance width of each character the
 * charts may draw, at 1 px, in the face figures are exported in. Charts measure their labels with
 * it in the browser too (the explore page draws its quick charts there), where the font file
 * cannot be read; tests/unit/text-measure.test.ts fails if it no longer matches the font.
 */
import { writeFileSync } from 'node:fs';
import { glyphWidths } from '../src/lib/export-font.ts';

writeFileSync('src/lib/glyph-widths.json', `${JSON.stringify(glyphWidths())}\n`);
console.log('src/lib/glyph-widths.json written');
