/**
 * The keyboard tour through mentions (extension commands, or the same keys as a fallback) and the
 * popup's reveal: both scroll a mention into view, show its card with focus and announce it.
 */
import type { Mention } from '../mentions';
import type { PageSession } from '../session';
import type { Hover } from './hover';

export interface Tour {
  /** Step to the next (1) or previous (-1) mention, wrapping around. False when there is none. */
  step(dir: 1 | -1): boolean;
  /** The entity's next mention after the one revealed last, wrapping around. False when there is none. */
  reveal(entityId: string): boolean;
}

export function createTour(session: PageSession, hover: Hover): Tour {
  const win = session.doc.defaultView ?? window;
  let tourIndex = -1;
  let lastReveal: Mention | null = null;
  const focusMention = (m: Mention, list: Mention[]) => {
    const r = m.ranges[0].getBoundingClientRect();
    if (r.top < 0 || r.bottom > win.innerHeight) win.scrollBy({ top: r.top - win.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    hover.showNow(m, true);
    const i = session.index.ids.indexOf(m.entityId);
    void hover.card.announce(`${i >= 0 ? session.index.names[i] : m.match.alias}: mention ${list.indexOf(m) + 1} of ${list.length}`);
  };
  return {
    step(dir) {
      const list = session.mentions();
      if (!list.length) return false;
      const current = hover.intent.current;
      const cur = current ? list.indexOf(current) : -1;
      const from = cur >= 0 ? cur : tourIndex;
      tourIndex = from < 0 ? (dir > 0 ? 0 : list.length - 1) : (from + dir + list.length) % list.length;
      focusMention(list[tourIndex], list);
      return true;
    },
    reveal(entityId) {
      const list = session.mentions();
      const mine = list.filter((m) => m.entityId === entityId);
      const after = lastReveal?.entityId === entityId ? mine.indexOf(lastReveal) + 1 : 0;
      const next = mine[after % Math.max(1, mine.length)];
      if (next) focusMention(next, list);
      lastReveal = next ?? null;
      return !!next;
    },
  };
}
