/**
 * The context menu's page side. At right-click it tells the background what is under the pointer
 * (a highlighted mention, or none), so the menu shows only the items that apply; then it carries
 * out the menu's actions in this frame: the card for a looked-up selection (also in inputs and for
 * names the scan skipped; the lookup itself runs in the card script), and the notice with Undo
 * after a mute or a site switch-off.
 */
import { sendToBackground, serve } from '../../messaging/client';
import { listen } from '../messages';
import { isMenuRequest, type MenuProtocol, type MenuRequest } from '../../messaging/protocol';
import type { CardLookup } from '../../ui/card-api';
import { mentionAt } from '../hit-test';
import type { Mention } from '../mentions';
import type { PageSession } from '../session';
import type { Hover } from './hover';

/** The card for a looked-up `query`: its entry, or "Not in the knowledge" (entity ''), pinned until closed. */
export function showLookup(hover: Hover, query: string, found: CardLookup): void {
  const { hit, ranges } = found;
  // Not a mention on the page: only what the hover feature reads of one.
  const target = { ranges, entityId: hit?.entityId ?? '', match: { alias: hit?.alias ?? query.trim(), unknownVersion: hit?.unknownVersion } };
  hover.showNow(target as unknown as Mention, true);
  hover.intent.setPinned(true);
  hover.card.setPinned(true);
}

export function initContextMenu(session: PageSession, hover: Hover, signal: AbortSignal): void {
  const { doc, engine, hl } = session;
  // pointerdown (right button) comes before the menu and gives the background time to update it;
  // contextmenu covers the keyboard and platforms that open the menu on pointerdown.
  const report = (e: MouseEvent) => {
    const m = hover.card.contains(e.target as Node) ? null : mentionAt(doc, session.scanner.byNode, e.clientX, e.clientY, engine.shadowRoots, hl.rangeAt);
    const mention = m && { entityId: m.entityId, alias: m.match.alias };
    void sendToBackground({ type: 'menuContext', host: session.host, mention }).catch(() => undefined);
  };
  doc.addEventListener('pointerdown', (e) => e.button === 2 && report(e), { capture: true, signal });
  doc.addEventListener('contextmenu', report, { capture: true, signal });
  const listener = serve<MenuProtocol>((msg): msg is MenuRequest => !signal.aborted && isMenuRequest(msg), {
    menuLookup: async (msg) => {
      const found = await hover.card.lookup(msg.query);
      if (found) showLookup(hover, msg.query, found);
      return !!found;
    },
    menuDone: (msg) => {
      void hover.card.toast({ action: msg.action, term: msg.term });
      return true;
    },
  });
  listen(listener);
}
