/** Mouse and pen: hover (one hit test per frame at most), a click elsewhere closes. Touch: ./touch.ts. */
import { mentionAt } from '../hit-test';
import type { PageSession } from '../session';
import type { Hover } from './hover';

export function initPointer(session: PageSession, hover: Hover, signal: AbortSignal): void {
  const { doc, engine, hl } = session;
  const at = (x: number, y: number) => mentionAt(doc, session.scanner.byNode, x, y, engine.shadowRoots, hl.rangeAt);
  let pending: PointerEvent | null = null;
  doc.addEventListener(
    'pointermove',
    (e: PointerEvent) => {
      if (pending === null)
        session.ctx.requestAnimationFrame(() => {
          const ev = pending;
          pending = null;
          if (!ev || signal.aborted || ev.pointerType === 'touch') return;
          if (hover.card.contains(ev.target as Node)) return;
          hover.intent.pointerAt(at(ev.clientX, ev.clientY));
        });
      pending = e;
    },
    { passive: true, capture: true, signal },
  );
  doc.addEventListener(
    'pointerdown',
    (e: PointerEvent) => {
      if (e.pointerType === 'touch' || hover.card.contains(e.target as Node)) return;
      if (hover.intent.current && !at(e.clientX, e.clientY)) hover.intent.close();
    },
    { capture: true, signal },
  );
}
