/**
 * Keyboard: Esc closes (and gives focus back); Alt+Shift+N / P step through mentions when the
 * browser did not take the shortcut as an extension command. Window capture also sees keys
 * pressed inside the card, whose events are isolated from the page.
 */
import type { PageSession } from '../session';
import type { Hover } from './hover';
import type { Tour } from './tour';

export function initKeyboard(session: PageSession, hover: Hover, tour: Tour, signal: AbortSignal): void {
  const win = session.doc.defaultView ?? window;
  win.addEventListener(
    'keydown',
    (e: KeyboardEvent) => {
      if (e.key === 'Escape' && hover.intent.current) {
        hover.intent.close();
        return;
      }
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyN' || e.code === 'KeyP')) {
        if (tour.step(e.code === 'KeyN' ? 1 : -1)) e.preventDefault();
      }
    },
    { capture: true, signal },
  );
}
