import { sql } from '@codemirror/lang-sql';
import { Prec } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import { keymap } from '@codemirror/view';

/** What the explore page reads and sets its query through, the plain textarea or the editor. */
export interface SqlInput {
  value: string;
  focus(): void;
  /** Calls back on the next focus only. */
  onFocus(callback: () => void): void;
}

/**
 * Replaces the page's plain textarea (kept for readers without JavaScript) with a SQL editor:
 * highlighting, completion of the published tables and columns, and Ctrl/Cmd+Enter to run.
 * It lives in a shadow root: there CodeMirror styles itself through constructed style sheets,
 * which the page's Content-Security-Policy allows, instead of inline <style> elements, which it forbids.
 */
export function mountEditor(textarea: HTMLTextAreaElement, schema: Record<string, string[]>, run: () => void): SqlInput {
  const host = document.createElement('div');
  host.className = 'sql-editor';
  const shadow = host.attachShadow({ mode: 'open' });
  const view = new EditorView({
    root: shadow,
    doc: textarea.value,
    // Where the reader's cursor was in the textarea, if they were typing there.
    selection: { anchor: textarea.selectionStart, head: textarea.selectionEnd },
    extensions: [
      basicSetup,
      sql({ schema, upperCaseKeywords: true }),
      Prec.highest(
        keymap.of([
          {
            key: 'Mod-Enter',
            run: () => {
              run();
              return true;
            },
          },
        ]),
      ),
      EditorView.contentAttributes.of({ 'aria-label': textarea.labels?.[0]?.textContent ?? 'SQL', id: textarea.id }),
      EditorView.lineWrapping,
    ],
  });
  textarea.id = '';
  textarea.hidden = true;
  shadow.append(view.dom);
  textarea.after(host);
  return {
    get value() {
      return view.state.doc.toString();
    },
    set value(text: string) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    onFocus(callback: () => void) {
      view.contentDOM.addEventListener('focus', callback, { once: true });
    },
  };
}
