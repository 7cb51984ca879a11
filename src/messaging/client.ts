/**
 * Sending and serving the messages of protocol.ts. The one place that meets the untyped runtime
 * messaging API: requests are checked against their protocol map, replies come back typed.
 */
import { browser } from 'wxt/browser';
import type { BackgroundProtocol, ContentProtocol, MenuProtocol, Message, Protocol, Reply } from './protocol';

/** Everything a tab's content script answers. */
type TabProtocol = ContentProtocol & MenuProtocol;

/** Ask the background. */
export function sendToBackground<K extends keyof BackgroundProtocol & string>(
  msg: Message<BackgroundProtocol, K>,
): Promise<Reply<BackgroundProtocol, K>> {
  return browser.runtime.sendMessage(msg);
}

/** Ask a tab's content script (the popup and the background's keyboard commands). */
export function sendToTab<K extends keyof TabProtocol & string>(
  tabId: number,
  msg: Message<TabProtocol, K>,
  options?: { frameId?: number },
): Promise<Reply<TabProtocol, K> | undefined> {
  return options ? browser.tabs.sendMessage(tabId, msg, options) : browser.tabs.sendMessage(tabId, msg);
}

type Sender = { tab?: { id?: number }; frameId?: number };

/** A handler per message type; `undefined` means "no reply" (another listener may answer). */
export type Handlers<P extends Protocol> = {
  [K in keyof P & string]: (msg: Message<P, K>, sender: Sender) => Promise<P[K]['reply']> | P[K]['reply'] | undefined;
};

/**
 * An onMessage listener for the messages `accepts` lets through. It answers in the form every
 * browser understands without webextension-polyfill (Chromium ignores a returned promise):
 * sendResponse + `true`.
 */
export function serve<P extends Protocol>(
  accepts: (msg: unknown) => msg is Message<P>,
  handlers: Handlers<P>,
) {
  return (msg: unknown, sender: Sender, sendResponse: (r: unknown) => void): true | undefined => {
    if (!accepts(msg)) return undefined;
    const handle = handlers[msg.type as keyof P & string] as (m: Message<P>, s: Sender) => unknown;
    const reply = handle(msg, sender);
    if (reply === undefined) return undefined;
    void Promise.resolve(reply).then(sendResponse, () => sendResponse(undefined));
    return true;
  };
}
