/** The context menu's page side: what is under the pointer at right-click, and the menu's actions in the page. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lookupSelection } from '../../../src/core/lookup';
import { initContextMenu } from '../../../src/dom/features/context-menu';
import { initHover } from '../../../src/dom/features/hover';
import { pageReads } from '../../../src/dom/page-reads';
import type { MenuDone } from '../../../src/messaging/protocol';
import { body } from '../helpers';
import { askPage, pointAt, makeSession, recordingCard } from './session';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

function rightDown(): void {
  const e = new Event('pointerdown', { bubbles: true }) as Event & Record<string, unknown>;
  Object.assign(e, { clientX: 5, clientY: 5, button: 2, pointerType: 'mouse' });
  document.body.dispatchEvent(e);
}

async function setup() {
  const { session, abort } = makeSession();
  await session.start();
  const card = Object.assign(recordingCard(), {
    pinned: false,
    toasts: [] as MenuDone[],
    async lookup(text: string) {
      return { hit: lookupSelection(text, session.matcher), ranges: [pageReads(document).selection()] };
    },
    async toast(done: MenuDone) {
      card.toasts.push(done);
    },
    setPinned(p: boolean) {
      card.pinned = p;
    },
  });
  const hover = initHover(session, abort.signal, () => card);
  initContextMenu(session, hover, abort.signal);
  return { session, abort, card, hover };
}

describe('context menu (page side)', () => {
  afterEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    delete (document as unknown as Record<string, unknown>).caretPositionFromPoint;
  });

  it('at right-click reports the highlighted mention under the pointer, or none', async () => {
    const p = body('<p>Read about GPT-5.4 here.</p><p>Nothing.</p>');
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => void sent.push(m));
    const { abort } = await setup();
    let over: Node | null = p.querySelector('p')!.firstChild;
    pointAt(() => over, 13);
    rightDown();
    over = p.querySelectorAll('p')[1].firstChild;
    rightDown();
    expect(sent).toEqual([
      { type: 'menuContext', host: location.hostname, mention: { entityId: 'openai/gpt-5.4', alias: 'GPT-5.4' } },
      { type: 'menuContext', host: location.hostname, mention: null },
    ]);
    // A left click says nothing.
    document.body.dispatchEvent(Object.assign(new Event('pointerdown', { bubbles: true }), { button: 0, clientX: 5, clientY: 5 }));
    expect(sent).toHaveLength(2);
    abort.abort();
  });

  it('"Look up" of a name selected in a textarea shows its card there, pinned', async () => {
    const b = body('<form><textarea>We tried claude-opus-4-6 yesterday</textarea></form>');
    const ta = b.querySelector('textarea')!;
    ta.focus();
    const { abort, card, hover } = await setup();
    expect(await askPage({ type: 'menuLookup', query: ' claude-opus-4-6, ' })).toBe(true);
    expect(card.shown).toHaveLength(1);
    const { target, focus } = card.shown[0];
    expect(target).toMatchObject({ entityId: 'anthropic/claude-opus-4-6', alias: 'claude-opus-4-6' });
    expect(focus).toBe(true);
    // Anchored to the text field, whose own selection is not the page's.
    expect(target.ranges[0].startContainer).toBe(ta.parentNode);
    expect(target.ranges[0].endOffset - target.ranges[0].startOffset).toBe(1);
    expect(card.pinned).toBe(true);
    expect(hover.intent.current).not.toBeNull();
    abort.abort();
  });

  it('"Look up" of text the knowledge lacks shows the not-in-knowledge card (no entity)', async () => {
    body('<p>Frobnicator 9000 is a toaster.</p>');
    const { abort, card } = await setup();
    expect(await askPage({ type: 'menuLookup', query: 'Frobnicator 9000' })).toBe(true);
    expect(card.shown[0].target).toMatchObject({ entityId: '', alias: 'Frobnicator 9000' });
    abort.abort();
  });

  it('after a mute or a site switch-off the card shows the notice with Undo; after teardown nothing answers', async () => {
    body('<p>GPT-5.4</p>');
    const { abort, card } = await setup();
    expect(await askPage({ type: 'menuDone', action: 'mute', term: 'GPT-5.4' })).toBe(true);
    expect(card.toasts).toEqual([{ action: 'mute', term: 'GPT-5.4' }]);
    expect(await askPage({ type: 'pageInfo' })).toBe('no reply');
    abort.abort();
    expect(await askPage({ type: 'menuDone', action: 'site', term: 'example.com' })).toBe('no reply');
  });
});
