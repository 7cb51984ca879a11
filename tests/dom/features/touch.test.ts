/** Touch: a tap opens the card of the mention under it, a tap outside closes it, a scroll is no tap. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initHover } from '../../../src/dom/features/hover';
import { initPointer } from '../../../src/dom/features/pointer';
import { initTouch } from '../../../src/dom/features/touch';
import { body } from '../helpers';
import { pointAt, makeSession, recordingCard } from './session';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

function fire(type: string, init: Record<string, unknown> = {}, target: Element = document.body): Event {
  const e = new Event(type, { bubbles: true, cancelable: true }) as Event & Record<string, unknown>;
  Object.assign(e, { clientX: 5, clientY: 5, pointerType: 'touch', pointerId: 1, isPrimary: true, ...init });
  target.dispatchEvent(e);
  return e;
}
const tap = (at: Record<string, unknown> = {}, target?: Element) => {
  fire('pointerdown', at, target);
  fire('pointerup', at, target);
};

async function setup(html: string) {
  const root = body(html);
  const { session, abort } = makeSession();
  await session.start();
  const card = recordingCard();
  const hover = initHover(session, abort.signal, () => card);
  initPointer(session, hover, abort.signal);
  initTouch(session, hover, abort.signal);
  return { root, card, hover, abort };
}

describe('touch', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (document as unknown as Record<string, unknown>).caretPositionFromPoint;
  });

  it('a tap on a mention opens its card at once; a tap outside closes it', async () => {
    const { root, card, hover, abort } = await setup('<p>Read about GPT-5.4 here.</p><p>Nothing.</p>');
    let over: Node | null = root.querySelector('p')!.firstChild;
    pointAt(() => over, 13);
    fire('pointerdown');
    expect(card.shown).toHaveLength(0); // not on touch-down: the finger may be starting a scroll
    fire('pointerup');
    expect(card.shown.map((s) => s.target.alias)).toEqual(['GPT-5.4']);
    // Touch moves are not hover: the card stays.
    over = root.querySelectorAll('p')[1].firstChild;
    fire('pointermove');
    await new Promise((r) => setTimeout(r, 20));
    expect(hover.intent.current?.text).toBe('GPT-5.4');
    tap();
    expect(hover.intent.current).toBeNull();
    expect(card.hidden).toBe(1);
    abort.abort();
  });

  it('a scroll or a moved finger is not a tap', async () => {
    const { root, card, abort } = await setup('<p>Read about GPT-5.4 here.</p>');
    pointAt(() => root.querySelector('p')!.firstChild, 13);
    fire('pointerdown');
    fire('pointercancel');
    fire('pointerup');
    fire('pointerdown', { clientX: 5, clientY: 5 });
    fire('pointerup', { clientX: 5, clientY: 40 });
    expect(card.shown).toHaveLength(0);
    fire('pointerdown', { clientX: 5, clientY: 5 });
    fire('pointerup', { clientX: 9, clientY: 8 }); // within the slop
    expect(card.shown).toHaveLength(1);
    abort.abort();
  });

  it('mouse clicks are not taps, and taps inside the card are the card’s', async () => {
    const { root, card, hover, abort } = await setup('<p>Read about GPT-5.4 here.</p><p>Nothing.</p>');
    pointAt(() => root.querySelector('p')!.firstChild, 13);
    fire('pointerdown', { pointerType: 'mouse' });
    fire('pointerup', { pointerType: 'mouse' });
    expect(card.shown).toHaveLength(0);
    tap();
    expect(hover.intent.current?.text).toBe('GPT-5.4');
    const inCard = root.querySelectorAll('p')[1];
    card.contains = (n) => n === inCard;
    tap({}, inCard);
    expect(hover.intent.current?.text).toBe('GPT-5.4');
    abort.abort();
    tap();
    expect(card.shown).toHaveLength(1); // stopped with the content script
  });

  it('in a link, the first tap opens the card instead of following it; a second tap follows it', async () => {
    const { root, card, abort } = await setup('<p><a href="#next">GPT-5.4 review</a></p>');
    const link = root.querySelector('a')!;
    pointAt(() => link.firstChild, 3);
    tap({}, link);
    expect(card.shown).toHaveLength(1);
    expect(fire('click', {}, link).defaultPrevented).toBe(true);
    tap({}, link);
    expect(card.shown).toHaveLength(1);
    expect(fire('click', {}, link).defaultPrevented).toBe(false);
    abort.abort();
  });
});
