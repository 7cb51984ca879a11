/** The keyboard tour's extension commands, passed on to the active tab's content script. */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/client';

export function forwardTourCommands(): void {
  browser.commands?.onCommand.addListener(async (command) => {
    const dir = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
    if (!dir) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToTab(tab.id, { type: 'tour', dir }).catch(() => undefined);
  });
}
