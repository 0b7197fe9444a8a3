import { fillTemplate } from '../i18n/template.ts';
import { explainDuckDbError } from '../lib/duckdb-errors.ts';
import { parquetColumns, toCsv, toJson } from '../lib/result-export.ts';
import { MAX_RESULT_ROWS, startDuckDb, type QueryResult, type Status } from './duckdb-client.ts';
import { renderResult } from './result-table.ts';
import type { SqlInput } from './sql-editor.ts';

interface Config {
  tables: { name: string; url: string }[];
  /** The page language's number format (a BCP 47 tag). */
  intl: string;
  schema: Record<string, string[]>;
  messages: Record<string, string>;
}

function download(data: BlobPart, type: string, name: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const root = document.querySelector<HTMLElement>('[data-explore]');
if (root) {
  const config = JSON.parse(root.dataset.explore!) as Config;
  const m = config.messages;
  const number = new Intl.NumberFormat(config.intl, { maximumFractionDigits: 1 });
  const form = root.querySelector('form')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const progress = root.querySelector<HTMLProgressElement>('[data-progress]')!;
  const output = root.querySelector<HTMLElement>('[data-output]')!;
  const chart = root.querySelector<HTMLElement>('[data-chart]')!;
  const exports = root.querySelector<HTMLElement>('[data-exports]')!;
  const runButton = root.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const cancelButton = root.querySelector<HTMLButtonElement>('[data-cancel]')!;
  let last: QueryResult | null = null;

  const show = (s: Status) => {
    status.dataset.state = s.state;
    progress.hidden = s.state === 'ready' || s.state === 'error';
    // Counted in the bytes that travel (download-progress.ts); a count without a total, or past
    // it, is shown without one.
    const sized = s.state === 'loading' && s.total >= s.loaded && s.total > 0;
    if (sized) progress.value = s.loaded / s.total;
    status.textContent =
      s.state === 'loading'
        ? sized
          ? fillTemplate(m.loadingBytes, { loaded: `${number.format(s.loaded / 1e6)} MB`, total: `${number.format(s.total / 1e6)} MB` })
          : m.loading
        : s.state === 'tables'
          ? m.tables
          : s.state === 'ready'
            ? m.ready
            : fillTemplate(m[`error.${s.kind}`] ?? m['error.other'], { type: s.detail, seconds: s.detail, message: s.detail });
  };
  const db = () => startDuckDb(config.tables, show, editor.value);
  // The page's own textarea serves until the SQL editor (CodeMirror, most of this page's script)
  // has arrived. It is asked for once DuckDB is ready, or as soon as the reader turns to the query:
  // on a slow network its bytes would otherwise share the link with DuckDB's, which the answer to
  // a shared link waits for. The editor takes over what was typed.
  const textarea = root.querySelector('textarea')!;
  let editor: SqlInput = {
    get value() {
      return textarea.value;
    },
    set value(text: string) {
      textarea.value = text;
    },
    focus: () => textarea.focus(),
    onFocus: (callback) => textarea.addEventListener('focus', callback, { once: true }),
  };
  const startOnFocus = () => editor.onFocus(() => void db().catch(() => undefined));
  let editorLoaded: Promise<void> | null = null;
  const loadEditor = () =>
    (editorLoaded ??= import('./sql-editor.ts').then(({ mountEditor }) => {
      const typing = document.activeElement === textarea;
      editor = mountEditor(textarea, config.schema, () => void run(true));
      startOnFocus();
      if (typing) editor.focus();
    }));
  for (const event of ['focus', 'pointerdown'] as const) textarea.addEventListener(event, () => void loadEditor(), { once: true });
  // The page promises Ctrl/Cmd+Enter runs the query: the textarea keeps that promise until the editor does.
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run(true);
    }
  });

  // The chart code (d3) and the Parquet writer load only when a result needs them (a linked
  // query's does: its chart code is asked for beside DuckDB, below).
  let chartCode: Promise<typeof import('../lib/quick-chart-svg.ts')> | null = null;
  const loadChartCode = () => (chartCode ??= import('../lib/quick-chart-svg.ts'));
  const drawChart = async (result: QueryResult) => {
    const { quickChartHtml } = await loadChartCode();
    chart.innerHTML = quickChartHtml(result, m.chartDesc, (v) => number.format(v));
  };

  /** A note in the results area (role status), e.g. that a query runs long or its result was cut. */
  const note = (text: string, name: string) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'status');
    p.dataset[name] = '';
    p.className = 'text-sm font-semibold';
    p.textContent = text;
    output.append(p);
    return p;
  };
  /** An error in the page's language: what is wrong, the caret under the position, DuckDB's own words on request. */
  const errorAlert = (message: string) => {
    const e = explainDuckDbError(message);
    const alert = document.createElement('div');
    alert.setAttribute('role', 'alert');
    alert.dataset.error = e.kind;
    alert.className = 'text-sm text-red-800 dark:text-red-300';
    const summary = document.createElement('p');
    summary.className = 'font-semibold';
    summary.textContent = [
      fillTemplate(m[`sqlerror.${e.kind}`], { name: e.name ?? '', extension: e.extension ?? '' }),
      e.suggestion ? fillTemplate(m['sqlerror.suggestion'], { suggestion: e.suggestion }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    alert.append(summary);
    if (e.caret) {
      // DuckDB marks the position with a caret under the query line: keep the lines and the column.
      const caret = document.createElement('pre');
      caret.className = 'whitespace-pre font-mono';
      caret.textContent = e.caret;
      alert.append(caret);
    }
    const details = document.createElement('details');
    const label = document.createElement('summary');
    label.textContent = m['sqlerror.original'];
    const original = document.createElement('pre');
    original.className = 'whitespace-pre-wrap font-mono';
    original.textContent = e.original;
    details.append(label, original);
    alert.append(details);
    return alert;
  };
  /** After this long a running query says so, next to its Stop button. */
  const SLOW_MS = 10_000;

  /** Empties the results area, and says it no longer holds the answer the page came with. */
  const clear = () => {
    output.replaceChildren();
    output.removeAttribute('data-prepared');
    chart.replaceChildren();
  };

  async function run(push: boolean) {
    const sql = editor.value;
    if (push) history.pushState(null, '', `?sql=${encodeURIComponent(sql)}`);
    clear();
    exports.hidden = true;
    runButton.disabled = true;
    cancelButton.hidden = false;
    const slow = setTimeout(() => note(fillTemplate(m.slow, { seconds: SLOW_MS / 1000 }), 'slow'), SLOW_MS);
    try {
      last = await (await db()).query(sql);
      output.replaceChildren();
      renderResult(output, last, fillTemplate(m.rows, { count: number.format(last.rows.length), ms: last.ms }), m.capped);
      if (last.truncated) note(fillTemplate(m.truncated, { count: number.format(MAX_RESULT_ROWS) }), 'truncated');
      void drawChart(last);
      exports.hidden = false;
    } catch (e) {
      output.querySelector('[data-slow]')?.remove();
      if (status.dataset.state !== 'error') {
        output.append(errorAlert(String((e as Error).message ?? e)));
      }
    } finally {
      clearTimeout(slow);
      runButton.disabled = false;
      cancelButton.hidden = true;
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(true);
  });
  cancelButton.addEventListener('click', () => void db().then((d) => d.cancel()));
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-example]')) {
    button.addEventListener('click', () => {
      editor.value = button.dataset.example!;
      void run(true);
    });
  }
  for (const button of exports.querySelectorAll<HTMLButtonElement>('[data-export]')) {
    button.addEventListener('click', async () => {
      last ??= await (await db()).query(opening);
      const table = { columns: last.columns, types: last.types, rows: last.rows };
      const kind = button.dataset.export;
      if (kind === 'csv') download(toCsv(table), 'text/csv', 'query.csv');
      else if (kind === 'json') download(toJson(table), 'application/json', 'query.json');
      else {
        const { parquetWriteBuffer } = await import('hyparquet-writer');
        download(parquetWriteBuffer({ columnData: parquetColumns(table) }), 'application/vnd.apache.parquet', 'query.parquet');
      }
    });
  }

  // The page comes with the opening query's answer, computed at build; a link to another query clears it.
  const opening = textarea.defaultValue;
  const fromUrl = new URLSearchParams(location.search).get('sql');
  if (fromUrl) editor.value = fromUrl;
  const answered = output.hasAttribute('data-prepared') && editor.value === opening;
  if (!answered) {
    clear();
    void loadChartCode();
  }
  startOnFocus();
  window.addEventListener('popstate', () => {
    editor.value = new URLSearchParams(location.search).get('sql') ?? opening;
    void run(false);
  });
  // DuckDB starts at once: the page is already drawn (this script runs after it), and on a slow
  // network every round trip before the wasm's download is time the reader waits. Once it is
  // ready, it answers the link's query; the answer the page came with is exported from DuckDB's run of it.
  void db()
    .then(() => {
      if (!answered) return run(false);
      exports.hidden = false;
    })
    .catch(() => undefined)
    .finally(() => void loadEditor());
  runButton.disabled = false;
}
