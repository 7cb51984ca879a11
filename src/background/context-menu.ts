/**
 * The context menu: "Look up ‹selection› in ModelLens" on a text selection (also in inputs), and
 * on a highlighted mention "Don't highlight ‹name›" and "Don't highlight on this site". The page
 * reports what is under the pointer at right-click (src/dom/features/context-menu.ts); the items
 * that do not apply are hidden. Chrome has no event before the menu shows, so the page reports on
 * pointerdown, ahead of the menu; Firefox also updates in menus.onShown and refreshes the open menu.
 */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/client';
import type { MenuDone } from '../messaging/protocol';
import { aliasKey } from '../core/normalize';
import { updateSettings } from '../settings/items';
import { setSiteEnabled } from '../settings/schema';
import { menusForTests } from './menu-e2e';
import { menusApi, type ClickInfo, type ClickTab, type CreateProps, type MenusApi } from './menus-api';

export const MENU_IDS = { lookup: 'modellens-lookup', mute: 'modellens-mute', site: 'modellens-site' } as const;

/** A report older than this when the menu shows is from an earlier right-click (Firefox onShown). */
const STALE_MS = 3000;

const msg = (key: 'menu.lookup' | 'menu.mute' | 'menu.siteOff', subs: Record<string, string> = {}) =>
  (i18n.t as (k: string) => string)(key).replace(/\{(\w+)\}/g, (m, k: string) => subs[k] ?? m);

/** The items, as created (hidden until a report says they apply). Pointer items: where a mention can be. */
export function menuItems(): CreateProps[] {
  const pointer = ['page', 'link', 'selection', 'image'];
  return [
    // Chrome and Firefox put the selected text in place of %s; "selection" includes text selected in inputs.
    { id: MENU_IDS.lookup, title: msg('menu.lookup'), contexts: ['selection'] },
    { id: MENU_IDS.mute, title: msg('menu.mute', { name: '' }), contexts: pointer, visible: false },
    { id: MENU_IDS.site, title: msg('menu.siteOff'), contexts: pointer, visible: false },
  ];
}

/** What the page reported at the last right-click in a tab: the mention's entry name, if any. */
interface Report {
  name: string | null;
  host: string;
  frameId: number;
  at: number;
}

/** The context menu's state and actions; `lookup` shows the card in the page, `onCreate` sees each item made. */
export class ContextMenu {
  readonly reports = new Map<number, Report>();
  /** What the pointer items show now (their title and visibility), as last set. */
  shown: { mute: string | null; site: boolean } = { mute: null, site: false };

  constructor(private menus: MenusApi) {}

  async create(): Promise<void> {
    await this.menus.removeAll().catch(() => undefined);
    for (const item of menuItems()) this.menus.create(item, () => void (browser.runtime as { lastError?: unknown }).lastError);
    this.shown = { mute: null, site: false };
  }

  /** The page reported what is under the pointer in tab `tabId`. */
  async report(name: string | null, host: string, tabId: number, frameId: number): Promise<void> {
    this.reports.set(tabId, { name, host, frameId, at: Date.now() });
    await this.apply(name, !!name && !!host);
  }

  /** Firefox, as the menu opens: a report from an earlier right-click (or another tab) no longer applies. */
  async onShown(tabId: number | undefined): Promise<void> {
    const r = tabId === undefined ? undefined : this.reports.get(tabId);
    const fresh = r && Date.now() - r.at < STALE_MS ? r : null;
    await this.apply(fresh?.name ?? null, !!fresh?.name && !!fresh.host);
  }

  private async apply(mute: string | null, site: boolean): Promise<void> {
    if (mute === this.shown.mute && site === this.shown.site) return;
    this.shown = { mute, site };
    await Promise.all([
      this.menus.update(MENU_IDS.mute, mute ? { visible: true, title: msg('menu.mute', { name: mute }) } : { visible: false }),
      this.menus.update(MENU_IDS.site, { visible: site }),
    ]).catch(() => undefined);
    await this.menus.refresh?.().catch(() => undefined);
  }

  /** A menu item was chosen. */
  async clicked(info: ClickInfo, tab: ClickTab): Promise<void> {
    const tabId = tab?.id;
    if (tabId === undefined || tabId < 0) return;
    if (info.menuItemId === MENU_IDS.lookup) {
      if (info.selectionText) await sendToTab(tabId, { type: 'menuLookup', query: info.selectionText }, { frameId: info.frameId ?? 0 }).catch(() => undefined);
      return;
    }
    if (info.menuItemId !== MENU_IDS.mute && info.menuItemId !== MENU_IDS.site) return;
    // The page's report of this right-click: the mention's entry name and the site.
    const r = this.reports.get(tabId);
    if (!r?.name) return;
    const done: MenuDone = info.menuItemId === MENU_IDS.mute ? { action: 'mute', term: r.name } : { action: 'site', term: r.host };
    await applyMenuAction(done, false);
    await sendToTab(tabId, { type: 'menuDone', ...done }, { frameId: r.frameId }).catch(() => undefined);
  }
}

/** Mute a term or switch a site off (`undo`: the reverse). */
export async function applyMenuAction(done: MenuDone, undo: boolean): Promise<boolean> {
  const key = aliasKey(done.term);
  await updateSettings((s) => {
    if (done.action === 'site') return setSiteEnabled(s, done.term, undo);
    const rest = s.mutedTerms.filter((t) => aliasKey(t) !== key);
    return { ...s, mutedTerms: undo ? rest : [...rest, done.term] };
  });
  return true;
}

/** Create the menu and route its events; null where the browser has no menus API. */
export function initContextMenu(): ContextMenu | null {
  const found = menusApi();
  if (!found) return null;
  const menus = import.meta.env.WXT_E2E ? menusForTests(found) : found;
  const menu = new ContextMenu(menus);
  void menu.create();
  menus.onClicked.addListener((info, tab) => void menu.clicked(info, tab));
  menus.onShown?.addListener((_info, tab) => void menu.onShown(tab?.id));
  return menu;
}
