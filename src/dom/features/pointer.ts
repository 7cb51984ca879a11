/** Pointer input: hover (one hit test per frame at most), a tap shows at once, a click elsewhere closes. */
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
          if (!ev || signal.aborted) return;
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
      if (hover.card.contains(e.target as Node)) return;
      const m = at(e.clientX, e.clientY);
      if (m && e.pointerType === 'touch') hover.intent.showNow(m);
      else if (!m && hover.intent.current) hover.intent.close();
    },
    { capture: true, signal },
  );
}
