/** Hover intent wired to the card: show after the delay, the active highlight, closing on a rescan. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHOW_DELAY_MS } from '../../../src/core/constants';
import { initHover, otherEntities } from '../../../src/dom/features/hover';
import { body } from '../helpers';
import { makeSession, recordingCard } from './session';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

describe('hover', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the card after the hover delay, marks the mention active, and closes on a rebuild', async () => {
    body('<p>GPT-5.4 and Claude Opus 4.6, GPT-5.4 again, Gemini 2.5 Pro.</p>');
    const { session, abort, hl } = makeSession();
    const active: unknown[] = [];
    hl.setActive = (r) => void active.push(r);
    const started = session.start();
    await vi.advanceTimersByTimeAsync(50);
    await started;
    const card = recordingCard();
    const hover = initHover(session, abort.signal, () => card);
    const [first] = session.mentions();

    hover.intent.pointerAt(first);
    expect(card.shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(SHOW_DELAY_MS);
    expect(card.shown.map((s) => [s.target.entityId, s.focus])).toEqual([['openai/gpt-5.4', false]]);
    expect(active).toHaveLength(1);
    // Compare offers the other entities on the page, each once, in order of first mention.
    expect(otherEntities(session, 'openai/gpt-5.4').map((e) => e.id)).toEqual(['anthropic/claude-opus-4-6', 'google/gemini-2.5-pro']);

    const rebuilt = session.rebuild();
    expect(hover.intent.current).toBeNull();
    expect(card.hidden).toBe(1);
    expect(active.at(-1)).toBeNull();
    await vi.advanceTimersByTimeAsync(50);
    await rebuilt;
    abort.abort();
  });
});
