/** Settings changed in storage reach a running page: a rescan when needed, the style always. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initFirstMention } from '../../../src/dom/features/first-mention';
import { initLiveSettings } from '../../../src/dom/features/live-settings';
import type { PageSetup } from '../../../src/messaging/protocol';
import { defaultSettings, type Settings } from '../../../src/settings/defaults';
import { body, tick } from '../helpers';
import { INDEX, makeSession } from './session';
import { compileIndex } from '../../../src/knowledge/compile';
import { indexFingerprint } from '../../../src/knowledge/fingerprint';
import type { Entry } from '../../../src/knowledge/schema';

const entry = (id: string, name: string, aliases: string[]): Entry =>
  ({ id, name, vendor: id.split('/')[0], kind: 'model', summary: '', aliases }) as unknown as Entry;

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

/** The background's side: answers pageSetup with whatever settings and stored index are stored now. */
function background(): void {
  fakeBrowser.runtime.onMessage.addListener(async (msg: unknown): Promise<PageSetup | undefined> => {
    if ((msg as { type?: string }).type !== 'pageSetup') return undefined;
    const { settings, userIndex } = (await fakeBrowser.storage.local.get(['settings', 'userIndex'])) as { settings?: Settings; userIndex?: PageSetup['stored'] };
    return { settings: settings ?? defaultSettings(), stored: userIndex ?? null };
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

  it('matches with a knowledge pack index once it is stored, and only when built on this bundled index', async () => {
    background();
    body('<p>GPT-5.4 and Acme Zephyr 9.</p>');
    const { session, abort } = makeSession();
    initLiveSettings(session, INDEX, abort.signal);
    await session.start();
    expect(session.mentions().map((m) => m.text)).toEqual(['GPT-5.4']);
    // An index for another build (another bundled fingerprint) is ignored: the page keeps the bundled one.
    const pack = compileIndex([...INDEX.ids.map((id, i) => entry(id, INDEX.names[i], [INDEX.names[i]])), entry('acme/zephyr-9', 'Acme Zephyr 9', ['Acme Zephyr 9'])]);
    await fakeBrowser.storage.local.set({ userIndex: { base: 'other-build', index: pack } });
    await tick(20);
    expect(session.index).toBe(INDEX);
    await fakeBrowser.storage.local.set({ userIndex: { base: indexFingerprint(INDEX), index: pack } });
    await vi.waitFor(() => expect(session.mentions().map((m) => m.text)).toEqual(['GPT-5.4', 'Acme Zephyr 9']));
    // The pack retired (index removed): back to the bundled index.
    await fakeBrowser.storage.local.set({ userIndex: null });
    await vi.waitFor(() => expect(session.mentions().map((m) => m.text)).toEqual(['GPT-5.4']));
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
