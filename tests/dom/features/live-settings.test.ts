/** Settings changed in storage reach a running page: a rescan when needed, the style always. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initFirstMention } from '../../../src/dom/features/first-mention';
import { initLiveSettings } from '../../../src/dom/features/live-settings';
import type { PageSetup } from '../../../src/messaging/protocol';
import { defaultSettings, type Settings } from '../../../src/settings/defaults';
import { body, tick } from '../helpers';
import { INDEX, makeSession } from './session';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

/** The background's side: answers pageSetup with whatever settings are stored now. */
function background(): void {
  fakeBrowser.runtime.onMessage.addListener(async (msg: unknown): Promise<PageSetup | undefined> => {
    if ((msg as { type?: string }).type !== 'pageSetup') return undefined;
    const { settings } = (await fakeBrowser.storage.local.get('settings')) as { settings?: Settings };
    return { settings: settings ?? defaultSettings(), stored: null };
  });
}

describe('live settings', () => {
  afterEach(() => fakeBrowser.reset());

  it('applies a change made in storage to a running page', async () => {
    background();
    body('<p>GPT-5.4 one.</p><p>GPT-5.4 two and Claude Opus 4.6.</p>');
    const { session, abort } = makeSession();
    initFirstMention(session, abort.signal);
    initLiveSettings(session, INDEX, abort.signal);
    await session.start();
    expect(session.scanner.size).toBe(3);

    const rebuilt = vi.spyOn(session, 'rebuild');
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), firstMentionOnly: true } });
    await vi.waitFor(() => expect(session.settings.firstMentionOnly).toBe(true));
    await rebuilt.mock.results[0]?.value;
    expect(session.mentions().map((m) => m.text)).toEqual(['GPT-5.4', 'Claude Opus 4.6']);

    // The site switched off: no mentions; the style alone: no rescan.
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), deny: ['localhost'] } });
    await vi.waitFor(() => expect(session.enabled).toBe(false));
    expect(session.scanner.size).toBe(0);
    const calls = rebuilt.mock.calls.length;
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), deny: ['localhost'], style: 'background' } });
    await vi.waitFor(() => expect(session.settings.style).toBe('background'));
    expect(rebuilt.mock.calls.length).toBe(calls);
    abort.abort();
  });

  it('stops following storage when the page session ends', async () => {
    background();
    body('<p>GPT-5.4</p>');
    const { session, abort } = makeSession();
    initLiveSettings(session, INDEX, abort.signal);
    await session.start();
    abort.abort();
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), firstMentionOnly: true } });
    await tick(20);
    expect(session.settings.firstMentionOnly).toBe(false);
  });
});
