/**
 * Touch: a tap on a mention opens its card, a tap outside the card closes it. A tap is a touch
 * that lifts where it went down; a touch the browser takes for scrolling (pointercancel) or that
 * moves is not one. A mention inside a link: the first tap opens the card instead of following
 * the link, a second tap on it follows the link.
 */
import { CLICK_AFTER_TAP_MS, TAP_SLOP_PX } from '../../core/constants';
import { mentionAt } from '../hit-test';
import type { PageSession } from '../session';
import type { Hover } from './hover';

export function initTouch(session: PageSession, hover: Hover, signal: AbortSignal): void {
  const { doc, engine, hl } = session;
  const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, fn, { capture: true, signal });
  let down: { id: number; x: number; y: number } | null = null;
  /** Until when the click a tap makes is not followed (the first tap on a mention in a link). */
  let holdClickUntil = 0;
  on('click', (e) => {
    if (e.timeStamp < holdClickUntil) e.preventDefault();
    holdClickUntil = 0;
  });
  on('pointerdown', (e) => {
    down = e.pointerType === 'touch' && e.isPrimary ? { id: e.pointerId, x: e.clientX, y: e.clientY } : null;
  });
  on('pointercancel', () => (down = null));
  on('pointerup', (e) => {
    const d = down;
    down = null;
    if (!d || d.id !== e.pointerId || Math.hypot(e.clientX - d.x, e.clientY - d.y) > TAP_SLOP_PX) return;
    if (hover.card.contains(e.target as Node)) return; // the card's own buttons and links
    const m = mentionAt(doc, session.scanner.byNode, e.clientX, e.clientY, engine.shadowRoots, hl.rangeAt);
    if (!m) {
      if (hover.intent.current) hover.intent.close();
      return;
    }
    const again = hover.intent.current === m;
    if (!again) hover.showNow(m);
    // The first tap on a mention inside a link shows the card; the click it makes is not followed.
    if (!again && (e.target as Element | null)?.closest?.('a[href]')) holdClickUntil = e.timeStamp + CLICK_AFTER_TAP_MS;
  });
}
