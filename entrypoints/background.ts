import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { bundledEntries, handleBackgroundRequest, setUserEntries } from '@/src/knowledge/store';
import { isBackgroundRequest, type PageSetup } from '@/src/messaging/protocol';
import { loadSettings, repairSettings, userIndexItem, userKnowledgeItem } from '@/src/settings/items';
import { refreshUserIndex } from '@/src/settings/user-index';
import { badgeText } from '@/src/settings/apply';
import { readerToday } from '@/src/settings/today';

/** Settings (validated field by field) and the stored merged index, for a content script. */
async function pageSetup(): Promise<PageSetup> {
  const [{ settings }, stored] = await Promise.all([loadSettings(), userIndexItem.getValue().catch(() => null)]);
  return { settings, stored };
}

export default defineBackground(() => {
  // User entries first: a card asked for before they are read would miss "your note".
  const userReady = userKnowledgeItem
    .getValue()
    .then((k) => setUserEntries(k.entries))
    .catch(() => undefined);
  userKnowledgeItem.watch((k) => setUserEntries(k?.entries ?? []));
  // Migrated and repaired once here; pages then read the stored settings through pageSetup.
  const settingsReady = repairSettings().catch(() => undefined);

  void browser.action.setBadgeBackgroundColor({ color: '#5b3cf0' }).catch(() => undefined);

  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    if (!isBackgroundRequest(msg)) return undefined;
    if (msg.type === 'mentionCount') {
      // The badge counts what the popup lists: the top frame's mentions. Tab-specific badge text
      // is reset by the browser when the tab navigates.
      if (sender.tab?.id !== undefined && !sender.frameId)
        void browser.action.setBadgeText({ tabId: sender.tab.id, text: badgeText(msg.count) }).catch(() => undefined);
      return undefined;
    }
    if (msg.type === 'pageSetup') return settingsReady.then(pageSetup);
    return userReady.then(async () => ({ ...handleBackgroundRequest(msg), today: await readerToday() }));
  });

  // An update may change the bundled knowledge the stored merged index was built on.
  browser.runtime.onInstalled.addListener(() => {
    void refreshUserIndex(bundledEntries).catch(() => undefined);
  });

  browser.commands?.onCommand.addListener(async (command) => {
    const dir = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
    if (!dir) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'tour', dir }).catch(() => undefined);
  });
});
