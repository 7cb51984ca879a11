import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { forwardTourCommands } from '@/src/background/commands';
import { initContextMenu } from '@/src/background/context-menu';
import { scheduleKnowledgeUpdates } from '@/src/background/pack-schedule';
import { followUserKnowledge } from '@/src/background/knowledge';
import { serveRequests } from '@/src/background/requests';
import { repairSettings } from '@/src/settings/items';

export default defineBackground(() => {
  // User entries first: a card asked for before they are read would miss "your note".
  const userReady = followUserKnowledge();
  // Migrated and repaired once here; pages then read the stored settings through pageSetup.
  const settingsReady = repairSettings().catch(() => undefined);
  void browser.action.setBadgeBackgroundColor({ color: '#5b3cf0' }).catch(() => undefined);
  const menu = initContextMenu();
  browser.runtime.onMessage.addListener(serveRequests(userReady, settingsReady, menu));
  forwardTourCommands();
  // The signed knowledge pack: at start-up if due, daily, and on "Check now".
  void settingsReady.then(scheduleKnowledgeUpdates);
});
