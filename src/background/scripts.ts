/**
 * Firefox: the extension's own scripts go into a page's frame by `scripting.executeScript`, asked
 * for by that frame's content script, so none of them has to be web-accessible (a page could
 * recognise the reader by it: src/dom/extension-script.ts). Only files listed in EXTENSION_SCRIPTS
 * (checked by isBackgroundRequest), only into the frame that asked.
 */
import { browser } from 'wxt/browser';
import type { ExtensionScript } from '../messaging/protocol';

export async function injectScript(file: ExtensionScript, sender: { tab?: { id?: number }; frameId?: number }): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [`/${file}` as '/card.js'] });
    return true;
  } catch (err) {
    console.warn('ModelLens:', file, err);
    return false;
  }
}
