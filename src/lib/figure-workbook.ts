import type { Locale } from '../i18n/t.ts';
import type { FigureModel } from './figure.ts';
import type { Manifest } from './manifest.ts';
import { provincePlaces } from './place.ts';
import type { XlsxTable } from './xlsx-workbook.ts';

/**
 * The data of one figure as a table for an Excel workbook (xlsxWorkbook), headed in both languages:
 * the same rows as its CSV, codes and names as text, values as numbers, and the sheet that says
 * source, licence and version.
 */
export function figureWorkbookTable(figure: Record<Locale, FigureModel>, manifest: Manifest): XlsxTable {
  const { vi, en } = figure;
  const d = manifest.dataset;
  return {
    name: vi.id.replaceAll('/', '-').slice(0, 31),
    description: { vi: vi.title, en: en.title },
    // What the page says beside the figure (why a value is missing, what a tile is) goes with its data.
    ...(vi.notes.length > 0 ? { note: { vi: vi.notes.join(' '), en: en.notes.join(' ') } } : {}),
    columns: vi.table.columns.map((c, i) => ({
      name: c.key,
      type: c.numeric ? 'DOUBLE' : 'VARCHAR',
      description: { vi: c.label, en: en.table.columns[i].label },
    })),
    rows: vi.table.rows.map((r) => r.values),
    source: { vi: vi.source, en: en.source },
    licence: { vi: d.licence.id, en: d.licence.id },
    illustrative: vi.illustrative,
    illustrativeNote: d.illustrative_note,
    dataset: { id: d.id, version: d.version, released: d.released, title: d.title, place: provincePlaces(d.province) },
  };
}
