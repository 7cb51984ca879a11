/**
 * The engine's listeners for the extension's messages (popup, keyboard commands, context menu).
 * They are also kept in a global of this content-script world, where the first stage finds them:
 * a message that reached the frame before the engine ran (the popup asking a page without names)
 * is handed to them once the engine has started (src/dom/first-stage.ts).
 */
import { browser } from 'wxt/browser';
import { LISTENERS_GLOBAL, type MessageListener } from './globals';

export function listen(listener: MessageListener): void {
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  const g = globalThis as Record<string, unknown>;
  ((g[LISTENERS_GLOBAL] ??= []) as MessageListener[]).push(listener);
}
