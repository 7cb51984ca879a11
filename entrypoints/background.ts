import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleBackgroundRequest } from '@/src/knowledge/store';
import { isBackgroundRequest } from '@/src/messaging/protocol';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (isBackgroundRequest(msg)) return Promise.resolve(handleBackgroundRequest(msg));
    return undefined;
  });
  browser.commands?.onCommand.addListener(async (command) => {
    const dir = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
    if (!dir) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'tour', dir }).catch(() => undefined);
  });
});
