import { startDuckDb, type Status } from './duckdb-client.ts';
import { renderResult } from './result-table.ts';

interface Config {
  tables: { name: string; url: string }[];
  messages: Record<string, string>;
}

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));

const root = document.querySelector<HTMLElement>('[data-explore]');
if (root) {
  const config = JSON.parse(root.dataset.explore!) as Config;
  const m = config.messages;
  const form = root.querySelector('form')!;
  const editor = root.querySelector('textarea')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const progress = root.querySelector<HTMLProgressElement>('[data-progress]')!;
  const output = root.querySelector<HTMLElement>('[data-output]')!;
  const bytes = new Intl.NumberFormat(document.documentElement.lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });

  const show = (s: Status) => {
    status.dataset.state = s.state;
    progress.hidden = s.state === 'ready' || s.state === 'error';
    if (s.state === 'loading' && s.total > 0) progress.value = s.loaded / s.total;
    status.textContent =
      s.state === 'loading' ? (s.total > 0 ? fill(m.loadingBytes, { loaded: `${bytes.format(s.loaded / 1e6)} MB`, total: `${bytes.format(s.total / 1e6)} MB` }) : m.loading)
      : s.state === 'tables' ? m.tables
      : s.state === 'ready' ? m.ready
      : fill(m[`error.${s.kind}`] ?? m['error.other'], { type: s.detail, seconds: s.detail, message: s.detail });
  };
  const db = () => startDuckDb(config.tables, show);

  const run = async (push: boolean) => {
    const sql = editor.value;
    if (push) history.pushState(null, '', `?sql=${encodeURIComponent(sql)}`);
    output.replaceChildren();
    try {
      const result = await (await db()).query(sql);
      renderResult(output, result, fill(m.rows, { count: result.rows.length, ms: result.ms }));
    } catch (e) {
      if (status.dataset.state === 'error') return;
      const alert = document.createElement('p');
      alert.setAttribute('role', 'alert');
      alert.dataset.error = '';
      alert.textContent = String((e as Error).message ?? e);
      output.append(alert);
    }
  };

  const fromUrl = new URLSearchParams(location.search).get('sql');
  if (fromUrl) editor.value = fromUrl;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(true);
  });
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run(true);
    }
  });
  editor.addEventListener('focus', () => void db().catch(() => undefined), { once: true });
  window.addEventListener('popstate', () => {
    editor.value = new URLSearchParams(location.search).get('sql') ?? editor.defaultValue;
    void run(false);
  });
  const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
  idle(() => void db().then(() => run(false)).catch(() => undefined));
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled = false;
}
