import { localized, type Locale } from '../i18n/locales.ts';
/** The shape of public/data/manifest.json, as the site reads it. */
export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Bilingual {
  vi: string;
  en: string;
}

export interface ManifestTable {
  name: string;
  description: { vi: string; en: string };
  rows: number;
  illustrative: boolean;
  source: Bilingual;
  licence: Bilingual;
  /** not_collected: an optional column this dataset leaves out (the site says so instead of showing blanks). */
  schema: { name: string; type: string; description: { vi: string; en: string } | null; not_collected?: boolean }[];
  files: ManifestFile[];
}

export interface Standard {
  id: string;
  name_vi: string;
  name_en: string;
  short_name_vi?: string;
  short_name_en?: string;
  legal_basis: string;
  years: number[];
  note_vi?: string;
  note_en?: string;
}

export interface Manifest {
  /** Says that the pipeline wrote the folder, so that a later run may replace it. */
  generator?: string;
  format_version?: string;
  dataset: {
    id: string;
    version: string;
    released: string;
    title: { vi: string; en: string };
    province: { code: string; name_vi: string; name_en: string };
    plan?: { name: Bilingual; date?: string; issuer?: Bilingual };
    source_agency: { vi: string; en: string };
    licence: { id: string; url: string };
    years: number[];
    standards: Standard[];
    illustrative_note: { vi: string; en: string };
  };
  disclosure: { threshold: number; cells: number; relations: number; primary: number; secondary: number };
  tables: ManifestTable[];
  boundaries: (ManifestFile & { name: string; source?: Bilingual; licence?: Bilingual })[];
  /** One ZIP of every table, the dictionary and the manifest. */
  archive?: ManifestFile;
  dictionary?: ManifestFile;
  /** SHA-256 over the names and checksums of the dataset folder's files (which are not published). */
  source_digest?: string;
}

/** A text from data in the reader's language. */
export const inLocale = (text: Bilingual | undefined, locale: Locale): string => text?.[locale] ?? '';

export const isIllustrative = (m: Manifest, table: string) => m.tables.find((t) => t.name === table)?.illustrative ?? false;

/** A published table as a reader calls it: its description in quotes, in the reader's language (its SQL name where it has none). */
export const tableTitle = (m: Manifest, table: string, locale: Locale) => {
  const description = m.tables.find((t) => t.name === table)?.description[locale];
  return description ? `“${description}”` : table;
};

/** A standard as a legend names it: its short name in the reader's language, else its full name. */
export const standardLabel = (s: Standard, locale: Locale) => s[`short_name_${locale}`] ?? localized(s, 'name', locale);

export const standardName = (m: Manifest, id: string, locale: Locale) => {
  const s = m.dataset.standards.find((st) => st.id === id);
  return s ? localized(s, 'name', locale) : id;
};
