import type { Locale } from '../i18n/t.ts';
import type { FigureModel } from './figure.ts';
import type { Manifest } from './manifest.ts';
import { xlsxWorkbook } from './xlsx-workbook.ts';

/**
 * The data of one figure as an Excel workbook, headed in both languages: the same rows as its CSV,
 * codes and names as text, values as numbers, and the sheet that says source, licence and version.
 */
export function figureWorkbook(figure: Record<Locale, FigureModel>, manifest: Manifest): Promise<Uint8Array> {
  const { vi, en } = figure;
  const d = manifest.dataset;
  return xlsxWorkbook({
    name: vi.id.replaceAll('/', '-').slice(0, 31),
    description: { vi: vi.title, en: en.title },
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
    dataset: { id: d.id, version: d.version, released: d.released, title: d.title },
  });
}
