/** First-mention pruning and muted wordings, applied as mentions are found. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initFirstMention } from '../../../src/dom/features/first-mention';
import { body } from '../helpers';
import { makeSession } from './session';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const PAGE = '<p>GPT-5.4 one.</p><p>Claude Opus 4.6.</p><p>GPT-5.4 two, Gemini Pro 2.5.</p><p>Gemini 2.5 Pro and Claude Opus 4.6.</p>';
const texts = (s: ReturnType<typeof makeSession>['session']) => s.mentions().map((m) => m.text);

describe('first-mention pruning', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('keeps every mention when the setting is off', async () => {
    body(PAGE);
    const { session, abort } = makeSession();
    stop = () => abort.abort();
    initFirstMention(session, abort.signal);
    await session.start();
    expect(session.scanner.size).toBe(6);
  });

  it('keeps only the first mention of each entity', async () => {
    body(PAGE);
    const { session, abort } = makeSession({ firstMentionOnly: true });
    stop = () => abort.abort();
    initFirstMention(session, abort.signal);
    await session.start();
    expect(texts(session)).toEqual(['GPT-5.4', 'Claude Opus 4.6', 'Gemini Pro 2.5']);
    // A mention added later is not the first: it stays unhighlighted.
    document.body.insertAdjacentHTML('afterbegin', '<p>Claude Opus 4.6 again.</p>');
    await session.rebuild();
    expect(texts(session)).toEqual(['Claude Opus 4.6', 'GPT-5.4', 'Gemini Pro 2.5']);
  });

  it('hides a muted wording but not other names of the same entity', async () => {
    body(PAGE);
    const { session, abort } = makeSession({ mutedTerms: ['Gemini Pro 2.5'] });
    stop = () => abort.abort();
    initFirstMention(session, abort.signal);
    await session.start();
    expect(texts(session)).toEqual(['GPT-5.4', 'Claude Opus 4.6', 'GPT-5.4', 'Gemini 2.5 Pro', 'Claude Opus 4.6']);
  });
});
