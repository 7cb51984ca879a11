/**
 * The background's answers to pages: an entry's facts (with the reader's today), a page's settings
 * and index, and the action badge from each top frame's mention count.
 */
import { browser } from 'wxt/browser';
import { serve } from '../messaging/client';
import { isBackgroundRequest, PAGE_SETUP_KEYS, type BackgroundProtocol, type PageSetup } from '../messaging/protocol';
import { getEntry } from '../knowledge/store';
import { badgeText } from '../settings/apply';
import { loadSettings, userIndexItem } from '../settings/items';
import { readerToday } from '../settings/today';
import { applyMenuAction, type ContextMenu } from './context-menu';
import { injectScript } from './scripts';
import { checkNow } from './pack-schedule';
import bundledIndex from 'virtual:modellens-index';
import { answerProbe } from './probe';

/** Settings (validated field by field) and the stored merged index, for a content script. */
async function readPageSetup(): Promise<PageSetup> {
  const [{ settings }, stored] = await Promise.all([loadSettings(), userIndexItem.getValue().catch(() => null)]);
  return { settings, stored };
}

/**
 * The same, read once and kept until one of its storage keys changes: every frame's probe asks for
 * it, and the stored merged index can be hundreds of kilobytes.
 */
let setup: Promise<PageSetup> | null = null;
function pageSetup(): Promise<PageSetup> {
  if (!setup) {
    const read = (setup = readPageSetup());
    // A failed read is not kept.
    read.catch(() => setup === read && (setup = null));
  }
  return setup;
}

function forgetPageSetupOnChange(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && PAGE_SETUP_KEYS.some((k) => k in changes)) setup = null;
  });
}

/** Answer pages once the user's entries (`userReady`) and repaired settings (`settingsReady`) are in. */
export function serveRequests(userReady: Promise<unknown>, settingsReady: Promise<unknown>, menu: ContextMenu | null = null) {
  forgetPageSetupOnChange();
  return serve<BackgroundProtocol>(isBackgroundRequest, {
    getEntry: (msg) => userReady.then(async () => ({ ...getEntry(msg.id), today: await readerToday() })),
    pageSetup: () => settingsReady.then(pageSetup),
    probe: (msg) => settingsReady.then(pageSetup).then((setup) => answerProbe(bundledIndex, setup, msg)),
    loadScript: (msg, sender) => injectScript(msg.file, sender),
    checkPack: () => settingsReady.then(checkNow),
    mentionCount: (msg, sender) => {
      // The badge counts what the popup lists: the top frame's mentions. Tab-specific badge text
      // is reset by the browser when the tab navigates.
      if (sender.tab?.id !== undefined && !sender.frameId)
        void browser.action.setBadgeText({ tabId: sender.tab.id, text: badgeText(msg.count) }).catch(() => undefined);
      return undefined;
    },
    menuContext: (msg, sender) => {
      // Named as the knowledge names the entry ("Claude Opus 4.6"), which mutes every wording of it.
      const name = msg.mention ? (getEntry(msg.mention.entityId).entry?.name ?? msg.mention.alias) : null;
      if (sender.tab?.id !== undefined) void menu?.report(name, msg.host, sender.tab.id, sender.frameId ?? 0);
      return undefined;
    },
    menuUndo: (msg) => applyMenuAction({ action: msg.action, term: msg.term }, true),
    openKnowledge: (msg) =>
      browser.tabs
        .create({ url: (browser.runtime.getURL as (p: string) => string)(`/knowledge.html?q=${encodeURIComponent(msg.query.slice(0, 200))}`) })
        .then(() => true, () => false),
  });
}
