/** The badge count: throttled, sent only when it changed, top frame only. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COUNT_REPORT_MS, initBadge } from '../../../src/dom/features/badge';
import { body } from '../helpers';
import { makeSession } from './session';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

describe('badge count', () => {
  const sent: unknown[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    sent.length = 0;
    fakeBrowser.runtime.onMessage.addListener((msg: unknown) => void sent.push(msg));
  });
  afterEach(() => {
    fakeBrowser.reset();
    vi.useRealTimers();
  });

  it('sends at most one count per interval, and only when it changed', async () => {
    body('<p>GPT-5.4 and Claude Opus 4.6.</p>');
    const { session, abort } = makeSession();
    initBadge(session, abort.signal, true);
    const started = session.start();
    await vi.advanceTimersByTimeAsync(50);
    await started;
    // Several changes inside one interval: nothing yet, then one message with the latest count.
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(COUNT_REPORT_MS);
    expect(sent).toEqual([{ type: 'mentionCount', count: 2 }]);
    // The same count again: not sent.
    await session.rebuild();
    await vi.advanceTimersByTimeAsync(COUNT_REPORT_MS * 2);
    expect(sent).toHaveLength(1);
    // A new count: sent once.
    document.body.insertAdjacentHTML('beforeend', '<p>Gemini 2.5 Pro</p>');
    await session.rebuild();
    await vi.advanceTimersByTimeAsync(COUNT_REPORT_MS);
    expect(sent).toEqual([{ type: 'mentionCount', count: 2 }, { type: 'mentionCount', count: 3 }]);
    abort.abort();
  });

  it('reports nothing from a frame that is not the top frame', async () => {
    body('<p>GPT-5.4</p>');
    const { session, abort } = makeSession();
    initBadge(session, abort.signal, false);
    const started = session.start();
    await vi.advanceTimersByTimeAsync(COUNT_REPORT_MS * 4);
    await started;
    expect(sent).toEqual([]);
    abort.abort();
  });
});
