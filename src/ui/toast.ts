/**
 * A short notice in the card's shadow root after a context-menu action ("“Mythos” won't be
 * highlighted — Undo"). Plain DOM: one line and a button, gone after a while or after Undo.
 */
import { TOAST_MS } from '../core/constants';

export interface ToastOptions {
  text: string;
  undoLabel: string;
  dark: boolean;
  onUndo(): void;
}

/** Show a toast in `container` (replacing one already shown); returns its element. */
export function showToast(container: HTMLElement, o: ToastOptions, setTimer: (fn: () => void, ms: number) => unknown): HTMLElement {
  container.querySelector('.toast')?.remove();
  const doc = container.ownerDocument;
  const el = doc.createElement('div');
  el.className = o.dark ? 'toast dark' : 'toast';
  el.setAttribute('role', 'status');
  const text = doc.createElement('span');
  text.textContent = o.text;
  const undo = doc.createElement('button');
  undo.type = 'button';
  undo.className = 'undo';
  undo.textContent = o.undoLabel;
  undo.addEventListener('click', () => {
    el.remove();
    o.onUndo();
  });
  el.append(text, undo);
  container.append(el);
  setTimer(() => el.remove(), TOAST_MS);
  return el;
}
