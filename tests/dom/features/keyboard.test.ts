/** Keys: Esc closes the card; Alt+Shift+N / P step through mentions when the browser left them to the page. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initHover } from '../../../src/dom/features/hover';
import { initKeyboard } from '../../../src/dom/features/keyboard';
import { createTour } from '../../../src/dom/features/tour';
import { body } from '../helpers';
import { makeSession, recordingCard } from './session';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const key = (init: KeyboardEventInit) => {
  const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  document.body.dispatchEvent(e);
  return e;
};

describe('keyboard', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('steps with Alt+Shift+N / P, closes with Esc, and stops with the signal', async () => {
    body('<p>GPT-5.4 and Claude Opus 4.6.</p>');
    const { session, abort } = makeSession();
    stop = () => abort.abort();
    await session.start();
    const card = recordingCard();
    const hover = initHover(session, abort.signal, () => card);
    initKeyboard(session, hover, createTour(session, hover), abort.signal);

    expect(key({ key: 'N', code: 'KeyN', altKey: true, shiftKey: true }).defaultPrevented).toBe(true);
    expect(key({ key: 'P', code: 'KeyP', altKey: true, shiftKey: true }).defaultPrevented).toBe(true);
    expect(card.shown.map((s) => s.target.alias)).toEqual(['GPT-5.4', 'Claude Opus 4.6']);
    // Ctrl held: not the tour's shortcut.
    expect(key({ key: 'N', code: 'KeyN', altKey: true, shiftKey: true, ctrlKey: true }).defaultPrevented).toBe(false);
    expect(hover.intent.current).not.toBeNull();
    key({ key: 'Escape', code: 'Escape' });
    expect(hover.intent.current).toBeNull();
    expect(card.hidden).toBe(1);

    abort.abort();
    key({ key: 'N', code: 'KeyN', altKey: true, shiftKey: true });
    expect(card.shown).toHaveLength(2);
  });
});
