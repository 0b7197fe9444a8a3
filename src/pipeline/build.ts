import { createHash } from 'node:crypto';
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { describeColumn, emptyOptionalColumns, notCollected, PUBLISHED, roundedNote } from './dictionary.ts';
import { ArchiveDeflater, inArchive, writeArchive } from './archive.ts';
import { exportArrow, exportFiles, fileEntry } from './export.ts';
import { manifestSchema } from '../lib/manifest.ts';
import { hasErrors, type Issue } from './issues.ts';
import { loadDataset, type Dataset } from './load-dataset.ts';
import { GENERATOR, OutputRefused, publishAtomically } from './publish-dir.ts';
import { issue } from './issues.ts';
import type { Manifest } from '../lib/manifest.ts';
import { pathInside } from '../lib/safe-path.ts';
import { stageDataset } from './stage.ts';
import { startWorkbookWorkers, writeWorkbook } from './xlsx-export.ts';
import { startLpWorkers } from './lp-pool.ts';
import { formatDate } from '../lib/format.ts';
import { provincePlaces } from '../lib/place.ts';

const PUBLISH_SQL = join(dirname(fileURLToPath(import.meta.url)), '../sql/publish.sql');

export interface BuildResult {
  issues: Issue[];
  manifest: Manifest | null;
}

/** The dataset folder's own files: not what a link in it points to, which may be anywhere or never end. */
function inputFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => lstatSync(join(dir, f)).isFile() && !f.startsWith('.'))
    .sort();
}

/** Runs the statements of publish.sql, which turn the staging tables into the published ones. */
async function createPublishedTables(conn: DuckDBConnection) {
  for (const statement of readFileSync(PUBLISH_SQL, 'utf8')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.replace(/--.*$/gm, '').trim())) {
    await conn.run(statement);
  }
}

/**
 * What the export needs to know of each input table a published one is made from: its rows and
 * the optional columns it leaves empty. Taken before the disclosure control, which lets the count
 * tables' rows go once it has made its facts of them.
 */
const inputShapes = ({ tables }: Dataset) =>
  new Map(PUBLISHED.map((t) => [t.from, { rows: tables[t.from]?.length ?? 0, empty: emptyOptionalColumns(tables[t.from]) }]));

/**
 * Writes every published table as Parquet, CSV, Arrow and XLSX, and describes it for the manifest.
 * The workbooks are written on worker threads while the next tables are exported.
 */
async function exportTables(
  conn: DuckDBConnection,
  dataset: Dataset,
  inputs: ReturnType<typeof inputShapes>,
  root: string,
  disclosure: Manifest['disclosure'],
  deflater: ArchiveDeflater,
): Promise<Manifest['tables']> {
  const { meta } = dataset;

  const tables: Manifest['tables'] = [];
  const workbooks: Promise<void>[] = [];
  mkdirSync(join(root, 'xlsx'), { recursive: true });
  // The largest tables first, so that their workbooks, which take longest, start first.
  const bySize = [...PUBLISHED].sort((a, b) => inputs.get(b.from)!.rows - inputs.get(a.from)!.rows);
  for (const t of bySize) {
    // The Arrow copy first: the table's workbook is made from it, and starts while the Parquet and
    // CSV copies are written (a national table's workbook is the export's longest task).
    const exported = await exportArrow(conn, root, t.name);
    const source = meta.tables[t.from];
    const about = {
      name: t.name,
      description: { vi: t.vi, en: t.en },
      ...(disclosure.tables.includes(t.name)
        ? { note: roundedNote(disclosure.base, t.name, (dataset.tables.published_figures?.length ?? 0) > 0) }
        : {}),
      illustrative: t.sources.some((name) => meta.tables[name]?.illustrative),
      source: source?.source ?? meta.source_agency,
      licence: source?.licence ?? { vi: meta.licence.id, en: meta.licence.id },
    };
    const absent = notCollected(
      inputs.get(t.from)!.empty,
      exported.schema.map((c) => c.name),
    );
    const schema = exported.schema.map((c) => ({
      ...c,
      description: describeColumn(t.name, c.name, disclosure.min_rate_base),
      ...(absent.has(c.name) ? { not_collected: true } : {}),
    }));
    const out = xlsxPath(t.name);
    const workbook = writeWorkbook({
      table: {
        ...about,
        columns: schema,
        illustrativeNote: meta.illustrative_note,
        dataset: {
          id: meta.dataset_id,
          version: meta.version,
          released: meta.released,
          title: meta.title,
          place: provincePlaces(meta.province),
        },
      },
      arrow: pathInside(root, exported.arrow),
      out: pathInside(root, out),
    }).then(() => deflater.add(out));
    // Its failure is thrown below, with the others': one that fails while the next tables are still
    // being exported must not end the process as an unhandled rejection, skipping the clean-up.
    workbook.catch(() => {});
    workbooks.push(workbook);
    const files = await exportFiles(conn, root, exported);
    // Written in every format now: a national table's rows need not stay in DuckDB's memory while
    // the next ones are exported.
    await conn.run(`DROP TABLE "${t.name}"`);
    for (const f of files) deflater.add(f.path);
    tables.push({ ...about, rows: exported.rows, schema, files });
  }
  await Promise.all(workbooks);
  return PUBLISHED.map(({ name }) => tables.find((t) => t.name === name)!).map((t) => ({
    ...t,
    files: [...t.files, fileEntry(root, xlsxPath(t.name))],
  }));
}

const xlsxPath = (table: string) => `xlsx/${table}.xlsx`;

/** Copies the boundary files the maps are drawn from, with their source and licence. */
function copyBoundaries(dataset: Dataset, root: string): Manifest['boundaries'] {
  return Object.keys(dataset.boundaries).map((name) => {
    mkdirSync(join(root, 'boundaries'), { recursive: true });
    copyFileSync(pathInside(dataset.dir, `boundaries/${name}.geojson`), pathInside(root, `boundaries/${name}.geojson`));
    const source = dataset.meta.tables[`boundaries/${name}.geojson`];
    return { name, ...fileEntry(root, `boundaries/${name}.geojson`), source: source?.source, licence: source?.licence };
  });
}

/** What the dataset is, how it was protected and which files hold it (the archive is added last). */
function manifestOf(
  dataset: Dataset,
  root: string,
  disclosure: Manifest['disclosure'],
  tables: Manifest['tables'],
  boundaries: Manifest['boundaries'],
): Omit<Manifest, 'archive'> {
  const { meta } = dataset;
  return {
    generator: GENERATOR,
    format_version: meta.format_version,
    dataset: {
      id: meta.dataset_id,
      version: meta.version,
      released: meta.released,
      title: meta.title,
      province: meta.province,
      plan: meta.plan,
      source_agency: meta.source_agency,
      licence: meta.licence,
      years: meta.years,
      standards: meta.standards,
      illustrative_note: meta.illustrative_note,
    },
    disclosure,
    tables,
    boundaries,
    dictionary: fileEntry(root, 'dictionary.json'),
    // The dataset folder's files are not published; one digest of them says which input this output came from.
    source_digest: createHash('sha256')
      .update(
        inputFiles(dataset.dir)
          .map((f) => `${f} ${fileEntry(dataset.dir, f).sha256}`)
          .join('\n'),
      )
      .digest('hex'),
  };
}

/** One ZIP of every table, the dictionary and a manifest of exactly what the ZIP holds. */
function archiveOf(dataset: Dataset, root: string, manifest: Omit<Manifest, 'archive'>, deflater: ArchiveDeflater) {
  const { meta } = dataset;
  const zipped = { ...manifest, tables: manifest.tables.map((t) => ({ ...t, files: t.files.filter((f) => inArchive(f.path)) })) };
  return writeArchive(
    deflater,
    root,
    `poverty-atlas-${meta.dataset_id}-${meta.version}.zip`,
    ['dictionary.json', ...zipped.tables.flatMap((t) => t.files.map((f) => f.path)), ...manifest.boundaries.map((b) => b.path)],
    {
      'README.txt': archiveReadme(meta, zipped.tables, manifest.boundaries.length > 0),
      'manifest.json': `${JSON.stringify(zipped, null, 2)}\n`,
    },
    meta.released,
  );
}

async function writeOutputs(dataset: Dataset, root: string): Promise<Manifest> {
  mkdirSync(root, { recursive: true });
  // Two threads, not the machine's count, so every machine writes the same bytes (one and two
  // write the same); the second shortens the national export by ~2,5 s.
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '2',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const conn = await instance.connect();
  try {
    const inputs = inputShapes(dataset);
    const disclosure = await stageDataset(conn, dataset);
    // The workbook writers start only now, when the solvers have ended: idle beside them they were
    // 0,1 GB of the memory the rounding and the audit peak at, and they load exceljs while the
    // published tables are made, before the first workbook is asked for.
    startWorkbookWorkers();
    await conn.run(`SET VARIABLE min_rate_base = ${disclosure.min_rate_base}`);
    await createPublishedTables(conn);
    // The published tables are copies: the staging ones would only hold memory while they are written.
    const staged = await conn.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'stg\\_%' ESCAPE '\\'`);
    for (const [name] of staged.getRows()) await conn.run(`DROP TABLE "${name}"`);
    const deflater = new ArchiveDeflater(root);
    const tables = await exportTables(conn, dataset, inputs, root, disclosure, deflater);
    const boundaries = copyBoundaries(dataset, root);
    const dictionary = tables.map((t) => ({ table: t.name, description: t.description, note: t.note, columns: t.schema }));
    writeFileSync(pathInside(root, 'dictionary.json'), `${JSON.stringify(dictionary, null, 2)}\n`);
    const manifest = manifestOf(dataset, root, disclosure, tables, boundaries);
    const published = { ...manifest, archive: await archiveOf(dataset, root, manifest, deflater) };
    // What the site will read, checked against the same schema, so that a drift fails here, not in the site's build.
    manifestSchema.parse(published);
    writeFileSync(pathInside(root, 'manifest.json'), `${JSON.stringify(published, null, 2)}\n`);
    return published;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

function archiveReadme(meta: Dataset['meta'], published: Manifest['tables'], hasBoundaries: boolean): string {
  const tables = published.map(
    (t) =>
      `- ${t.name}: ${t.illustrative ? 'ILLUSTRATIVE / MINH HỌA' : 'real / thật'}; ${t.source.en} (${t.licence.en}) / ${t.source.vi} (${t.licence.vi})${t.note ? `\n  ${t.note.en}\n  ${t.note.vi}` : ''}`,
  );
  return [
    `${meta.title.en} / ${meta.title.vi}`,
    `Dataset ${meta.dataset_id}, version ${meta.version}, released ${meta.released}. Licence: ${meta.licence.id} (${meta.licence.url}).`,
    '',
    `Cite as: Poverty Atlas (${meta.released.slice(0, 4)}). ${meta.title.en}. Version ${meta.version}, ${meta.released}.`,
    `Trích dẫn: Atlas giảm nghèo (${meta.released.slice(0, 4)}). ${meta.title.vi}. Phiên bản ${meta.version}, ${formatDate('vi', meta.released)}.`,
    '',
    ...(meta.illustrative_note ? [meta.illustrative_note.en, meta.illustrative_note.vi, ''] : []),
    'Tables and sources:',
    ...tables,
    '',
    'parquet/ and csv/ hold the same tables (CSV is the machine format, UTF-8 without a byte-order mark);',
    'xlsx/ holds them for Excel: codes as text, Vietnamese and English headers, a sheet with source and licence;',
    ...(hasBoundaries ? ['boundaries/ holds the boundary files the maps are drawn from;'] : []),
    'dictionary.json describes every column (vi/en);',
    'manifest.json lists every file in this ZIP with its SHA-256.',
    '',
  ].join('\n');
}

/** Validates a dataset folder and, only if it has no errors, replaces `out` with its published form. */
export async function buildData(datasetDir: string, out: string): Promise<BuildResult> {
  // The solvers start on the core the checks of the input leave idle: by the time the first
  // programme is posted, they have loaded HiGHS.
  startLpWorkers();
  const { dataset, issues } = await loadDataset(datasetDir);
  if (!dataset || hasErrors(issues)) return { issues, manifest: null };
  try {
    const manifest = await publishAtomically(out, datasetDir, (dir) => writeOutputs(dataset, dir));
    return { issues, manifest };
  } catch (e) {
    if (!(e instanceof OutputRefused)) throw e;
    return { issues: [...issues, issue('error', out, 0, '--out', out, 'output_folder', e.message)], manifest: null };
  }
}
