import type { QueryResult } from './duckdb-client.ts';

/** Rows shown at most: more would make the page slow; the exports carry every row. */
export const MAX_RENDERED_ROWS = 1000;

/**
 * Renders a query result as a table, at most MAX_RENDERED_ROWS rows (exports have them all);
 * values go in as text, so nothing from data is parsed as HTML.
 */
export function renderResult(target: HTMLElement, result: QueryResult, summary: string, cappedNote: string): void {
  const caption = document.createElement('p');
  caption.dataset.summary = '';
  caption.textContent = summary;
  if (result.rows.length > MAX_RENDERED_ROWS) {
    const note = document.createElement('span');
    note.dataset.capped = '';
    note.textContent = ` ${cappedNote.replace('{shown}', new Intl.NumberFormat(document.documentElement.lang).format(MAX_RENDERED_ROWS))}`;
    caption.append(note);
  }
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const c of result.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of result.rows.slice(0, MAX_RENDERED_ROWS)) {
    const tr = body.insertRow();
    for (const c of result.columns) {
      const td = tr.insertCell();
      const v = row[c];
      td.textContent = v == null ? 'NULL' : String(v);
      if (typeof v === 'number') td.className = 'num';
    }
  }
  const wrap = document.createElement('div');
  wrap.className = 'overflow-x-auto';
  // Data as it is stored (codes, column names): the same in every language.
  wrap.dataset.noTranslate = '';
  wrap.append(table);
  target.append(caption, wrap);
}
