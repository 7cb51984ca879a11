/** Mouse and pen: one hit test per frame, a click elsewhere closes; touch is ./touch.test.ts. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initHover } from '../../../src/dom/features/hover';
import { initPointer } from '../../../src/dom/features/pointer';
import { body, tick } from '../helpers';
import { pointAt, makeSession, recordingCard } from './session';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const pointer = (type: string, init: Record<string, unknown> = {}) => {
  const e = new Event(type, { bubbles: true }) as Event & Record<string, unknown>;
  Object.assign(e, { clientX: 5, clientY: 5, pointerType: 'mouse', ...init });
  document.body.dispatchEvent(e);
};

describe('pointer', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (document as unknown as Record<string, unknown>).caretPositionFromPoint;
  });

  it('a click outside the card closes it; a touch-down does nothing here (touch.ts owns taps)', async () => {
    const p = body('<p>Read about GPT-5.4 here.</p><p>Nothing.</p>');
    const { session, abort } = makeSession();
    await session.start();
    const card = recordingCard();
    const hover = initHover(session, abort.signal, () => card);
    initPointer(session, hover, abort.signal);

    let over: Node | null = p.querySelector('p')!.firstChild;
    pointAt(() => over, 13);
    pointer('pointerdown', { pointerType: 'touch' });
    expect(card.shown).toHaveLength(0);
    hover.showNow(session.mentions()[0]);
    pointer('pointerdown'); // a click on the mention itself keeps its card
    expect(hover.intent.current?.text).toBe('GPT-5.4');
    over = p.querySelectorAll('p')[1].firstChild;
    pointer('pointerdown', { pointerType: 'touch' });
    expect(hover.intent.current?.text).toBe('GPT-5.4');
    pointer('pointerdown');
    expect(hover.intent.current).toBeNull();
    abort.abort();
  });

  it('hit-tests pointer moves once per frame, with the latest position', async () => {
    const p = body('<p>Read about GPT-5.4 here.</p>');
    const { session, abort } = makeSession();
    await session.start();
    const hover = initHover(session, abort.signal, () => recordingCard());
    const seen: unknown[] = [];
    hover.intent.pointerAt = (m) => void seen.push(m?.text ?? null);
    initPointer(session, hover, abort.signal);
    pointAt(() => p.querySelector('p')!.firstChild, 13);
    pointer('pointermove');
    pointer('pointermove');
    pointer('pointermove');
    await tick(5);
    expect(seen).toEqual(['GPT-5.4']);
    abort.abort();
    pointer('pointermove');
    await tick(5);
    expect(seen).toHaveLength(1);
  });
});
