/**
 * Hover intent and the card: which mention is shown, when, and the card that shows it (loaded on
 * first use, src/dom/lazy-card.ts). Pointer, keyboard, tour and popup features drive it.
 */
import { HoverIntent } from '../../core/hover-intent';
import { sendToBackground } from '../../messaging/client';
import type { EntrySummary } from '../../messaging/protocol';
import type { CardApi, CardHandlers } from '../../ui/card-api';
import { LazyCard } from '../lazy-card';
import type { Mention } from '../mentions';
import type { PageSession } from '../session';

export interface Hover {
  readonly intent: HoverIntent<Mention>;
  readonly card: CardApi;
  /** Show `m` now; `focus`: the card takes keyboard focus (keyboard tour, reveal). */
  showNow(m: Mention, focus?: boolean): void;
}

/** Other entities mentioned on the page, in order of first mention (the card's Compare). */
export function otherEntities(session: PageSession, exceptId: string): EntrySummary[] {
  const { index } = session;
  const seen = new Set<string>([exceptId]);
  const out: EntrySummary[] = [];
  for (const m of session.mentions()) {
    if (seen.has(m.entityId)) continue;
    seen.add(m.entityId);
    const i = index.ids.indexOf(m.entityId);
    if (i >= 0) out.push({ id: m.entityId, name: index.names[i], vendor: index.vendors[i], kind: index.kinds[i] as EntrySummary['kind'] });
  }
  return out;
}

export function initHover(session: PageSession, signal: AbortSignal, makeCard = (h: CardHandlers): CardApi => new LazyCard(session.ctx, h)): Hover {
  const card = makeCard({
    load: (id) => sendToBackground({ type: 'getEntry', id }),
    others: (exceptId) => otherEntities(session, exceptId),
    onClose: () => intent.close(),
    onPin: (p) => {
      intent.setPinned(p);
      card.setPinned(p);
    },
    onPointerInCard: (inside) => intent.pointerInCard(inside),
    matcher: () => session.matcher,
  });
  /** Set while the next card shown is to take focus. */
  let focusNext = false;
  const intent = new HoverIntent<Mention>({
    timers: { set: (fn, ms) => session.ctx.setTimeout(fn, ms), clear: (id) => clearTimeout(id) },
    show: (m, token) => {
      session.hl.setActive(m.ranges);
      const focus = focusNext;
      focusNext = false;
      void card.show({ ranges: m.ranges, alias: m.match.alias, entityId: m.entityId, unknownVersion: m.match.unknownVersion }, token, focus);
    },
    hide: () => {
      session.hl.setActive(null);
      card.hide();
    },
  });
  session.on('rebuild', () => intent.close());
  signal.addEventListener('abort', () => {
    intent.close();
    card.destroy();
  });
  return {
    intent,
    card,
    showNow(m, focus = false) {
      focusNext = focus;
      intent.showNow(m);
    },
  };
}
