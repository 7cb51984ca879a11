/**
 * The context menu's page side. At right-click it tells the background what is under the pointer
 * (a highlighted mention, or none), so the menu shows only the items that apply; then it carries
 * out the menu's actions in this frame: the card for a looked-up selection (also in inputs and for
 * names the scan skipped), and the notice with Undo after a mute or a site switch-off.
 */
import { browser } from 'wxt/browser';
import type { LookupHit } from '../../core/lookup';
import { sendToBackground, serve } from '../../messaging/client';
import { isMenuRequest, type MenuContext, type MenuProtocol, type MenuRequest } from '../../messaging/protocol';
import { mentionAt } from '../hit-test';
import { Mention, staticRange } from '../mentions';
import type { PageSession } from '../session';
import type { Hover } from './hover';

/** What the context menu should offer at (x, y): the highlighted mention there, named as the knowledge names it. */
export function menuContextAt(session: PageSession, x: number, y: number): MenuContext {
  const { doc, engine, hl, index } = session;
  const m = mentionAt(doc, session.scanner.byNode, x, y, engine.shadowRoots, hl.rangeAt);
  const i = m ? index.ids.indexOf(m.entityId) : -1;
  return { host: session.host, mention: m ? { entityId: m.entityId, name: i >= 0 ? index.names[i] : m.match.alias } : null };
}

/** Where the card for a looked-up selection appears: the focused text field, else the selection. */
function selectionAnchor(doc: Document): StaticRange {
  const el = doc.activeElement;
  if (el && (el.localName === 'textarea' || el.localName === 'input') && el.parentNode) {
    const at = [...el.parentNode.childNodes].indexOf(el as ChildNode);
    return staticRange({ startContainer: el.parentNode, startOffset: at, endContainer: el.parentNode, endOffset: at + 1 });
  }
  const sel = doc.getSelection();
  const r = sel?.rangeCount ? sel.getRangeAt(0) : null;
  if (r) return staticRange(r);
  return staticRange({ startContainer: doc.body, startOffset: 0, endContainer: doc.body, endOffset: 0 });
}

/** The card for `query` at the selection: its entry when the lookup found one, else "Not in the knowledge". */
export function showLookup(session: PageSession, hover: Hover, query: string, hit: LookupHit | null): void {
  const anchor = selectionAnchor(session.doc);
  const entityId = hit?.entityId ?? '';
  const alias = hit?.alias ?? query.trim().slice(0, 120);
  const match = { start: 0, end: alias.length, entityId, alias, confidence: 1, needsContext: false, unknownVersion: hit?.unknownVersion };
  const block = (anchor.startContainer.nodeType === 1 ? anchor.startContainer : anchor.startContainer.parentElement) as Element;
  hover.showNow(new Mention(-1, match, entityId, [anchor], block), true);
  // Opened from a menu, not by hovering: it stays until closed or a click elsewhere.
  hover.intent.setPinned(true);
  hover.card.setPinned(true);
}

export function initContextMenu(session: PageSession, hover: Hover, signal: AbortSignal): void {
  let last = '';
  const report = (e: MouseEvent) => {
    if (hover.card.contains(e.target as Node)) return;
    const ctx = menuContextAt(session, e.clientX, e.clientY);
    const key = JSON.stringify(ctx);
    // pointerdown (button 2) comes first and gives the background time before the menu shows;
    // contextmenu covers the keyboard and platforms that open the menu on pointerdown.
    if (e.type === 'contextmenu' && key === last) return;
    last = key;
    void sendToBackground({ type: 'menuContext', ...ctx }).catch(() => undefined);
  };
  session.doc.addEventListener('pointerdown', (e) => e.button === 2 && report(e), { capture: true, signal });
  session.doc.addEventListener('contextmenu', report, { capture: true, signal });
  const listener = serve<MenuProtocol>((msg): msg is MenuRequest => !signal.aborted && isMenuRequest(msg), {
    menuLookup: async (msg) => {
      showLookup(session, hover, msg.query, await hover.card.lookup(msg.query));
      return true;
    },
    menuDone: (msg) => {
      const done = { action: msg.action, term: msg.term };
      void hover.card.toast(done, () => void sendToBackground({ type: 'menuUndo', ...done }).catch(() => undefined));
      return true;
    },
  });
  browser.runtime.onMessage.addListener(listener);
}
