/** The popup's and the background's requests, answered by the page. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initHover } from '../../../src/dom/features/hover';
import { initPopupRequests } from '../../../src/dom/features/popup-requests';
import { createTour } from '../../../src/dom/features/tour';
import { body } from '../helpers';
import { askPage, makeSession, recordingCard } from './session';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

describe('popup requests', () => {
  afterEach(() => fakeBrowser.reset());

  it('answers pageInfo, listMentions, tour and reveal; ignores other messages', async () => {
    body('<p>GPT-5.4 one, and Claude Opus 4.6.</p><p>GPT-5.4 two.</p>');
    const { session, abort } = makeSession();
    await session.start();
    const card = recordingCard();
    const hover = initHover(session, abort.signal, () => card);
    initPopupRequests(session, createTour(session, hover), abort.signal);

    const info = (await askPage({ type: 'pageInfo' })) as { total: number; enabled: boolean; entities: Array<{ id: string; count: number }> };
    expect(info.total).toBe(3);
    expect(info.enabled).toBe(true);
    expect(info.entities.map((e) => [e.id, e.count])).toEqual([['openai/gpt-5.4', 2], ['anthropic/claude-opus-4-6', 1]]);
    const list = (await askPage({ type: 'listMentions' })) as Array<{ exact: string; prefix: string; suffix: string }>;
    expect(list.map((m) => m.exact)).toEqual(['GPT-5.4', 'Claude Opus 4.6', 'GPT-5.4']);
    expect(list[1]).toMatchObject({ prefix: 'GPT-5.4 one, and ', suffix: '.' });
    expect(await askPage({ type: 'tour', dir: 1 })).toBe(true);
    expect(await askPage({ type: 'reveal', entityId: 'anthropic/claude-opus-4-6' })).toBe(true);
    expect(card.shown.map((s) => s.target.alias)).toEqual(['GPT-5.4', 'Claude Opus 4.6']);
    expect(await askPage({ type: 'getEntry', id: 'openai/gpt-5.4' })).toBe('no reply');

    abort.abort();
    expect(await askPage({ type: 'pageInfo' })).toBe('no reply');
  });
});
