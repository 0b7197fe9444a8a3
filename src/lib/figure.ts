import { stringify } from 'csv-stringify/sync';
import type { Chart } from './charts/svg.ts';
import { spreadsheetSafe } from './spreadsheet-safe.ts';

/**
 * A chart as everything a reader can take away from it: the SVG, its words, its source, and the
 * data behind exactly this view. Pages, embeds and downloads all render from one of these.
 */
export interface FigureModel {
  /** Stable path of the figure, used for its embed page and file names: "map/district/poor_rate/2022-national". */
  id: string;
  /** The site page the figure appears on, without base or language: "districts/193/". */
  page: string;
  title: string;
  description: string;
  chart: Chart;
  /** The same chart laid out for a phone (NARROW_WIDTH wide), shown instead of `chart` on small screens. */
  chartNarrow?: Chart;
  /** Where the data comes from, without a label: pages, files and embeds put "Source:" before it once. */
  source: string;
  illustrative: boolean;
  notes: string[];
  table: FigureTable;
  /** A note under the data table (how missing cells are marked, say). */
  footnote?: string;
}

export interface FigureTable {
  columns: { key: string; label: string; numeric: boolean }[];
  /** The column that names each row (a row header, linked to the row's page). */
  rowHeader: number;
  rows: FigureRow[];
}

export interface FigureRow {
  key: string;
  href?: string;
  /** What the table shows in each column (formatted, or why a value is missing). */
  cells: string[];
  /** The exact values for the CSV download: null where there is no value. */
  values: (string | number | null)[];
  /** data-* attributes for the row, so a test or a script can find it by what it is. */
  data?: Record<string, string | number>;
}

/**
 * The data of a figure as CSV (RFC 4180), with a header of column keys: what "Download data"
 * gives. Every row says whether it is illustrative and where it comes from, so a copied row
 * still does. Text that a spreadsheet would run as a formula is neutralised.
 */
export const figureCsv = (figure: Pick<FigureModel, 'table' | 'illustrative' | 'source'>): string =>
  stringify(
    [
      [...figure.table.columns.map((c) => c.key), 'illustrative', 'source'],
      ...figure.table.rows.map((r) => [...r.values, figure.illustrative, figure.source]),
    ],
    { record_delimiter: 'windows', cast: { boolean: (v) => String(v), string: spreadsheetSafe } },
  );

/** A file name for a figure's downloads: its id with slashes as dashes. */
export const figureFileName = (id: string, ext: string) => `${id.replaceAll('/', '-')}.${ext}`;
