/** The action badge: the top frame's mention count (what the popup lists), sent at most every COUNT_REPORT_MS. */
import { sendToBackground } from '../../messaging/client';
import type { PageSession } from '../session';

/** Mention counts go to the badge at most this often: a long page changes them every slice. */
export const COUNT_REPORT_MS = 250;

export function initBadge(session: PageSession, signal: AbortSignal, isTop = window === window.top): void {
  if (!isTop) return;
  let reported = -1;
  let timer = 0;
  session.on('mentions', () => {
    if (timer) return;
    timer = session.ctx.setTimeout(() => {
      timer = 0;
      const n = session.enabled ? session.scanner.size : 0;
      if (n === reported || signal.aborted) return;
      reported = n;
      void sendToBackground({ type: 'mentionCount', count: n }).catch(() => undefined);
    }, COUNT_REPORT_MS);
  });
}
