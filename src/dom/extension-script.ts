/**
 * Loading one of the extension's own scripts into this content-script world, by a way no page can
 * use to detect the extension. A file that pages could fetch at a fixed address
 * (chrome-extension://<id>/card.js) would tell any site that its reader has ModelLens.
 *
 * - Chrome: the file is web-accessible only through its dynamic URL (`use_dynamic_url` in the
 *   manifest, wxt.config.ts): `runtime.getURL` returns chrome-extension://<session id>/…, an id
 *   made anew each browser session that only the extension knows; the fixed address is refused.
 *   The content script `import()`s it from there.
 * - Firefox has no dynamic URLs; its moz-extension://<uuid> is per install but then stays the
 *   same, so a page that learnt it once could recognise the reader. Nothing is web-accessible
 *   there: the background puts the file into this frame with `scripting.executeScript` (same
 *   isolated world as the content script), asked by message (`loadScript`).
 *
 * Either way the script is expected to set a global in this world (e.g. the card's
 * `__MODELLENS_CARD__`); the caller reads it once this resolves.
 */
import type { BackgroundProtocol, ExtensionScript, Message } from '../messaging/protocol';

import type { MessageListener } from './globals';

type StorageListener = (changes: Record<string, unknown>, area: string) => void;

/** What the first stage uses of the extension API, without a wrapper. */
export interface RuntimeApi {
  runtime: {
    id?: string;
    getURL(path: string): string;
    sendMessage(msg: unknown): Promise<unknown>;
    onMessage: { addListener(l: MessageListener): void };
  };
  storage: { onChanged: { addListener(l: StorageListener): void; removeListener(l: StorageListener): void } };
}

/**
 * The extension API, looked up when first needed. Not wxt/browser, whose module reads
 * `globalThis.chrome` as soon as the script runs: in Chrome that first read sets up the whole
 * `chrome` object (about a millisecond), which the first stage must not pay in a frame without text.
 */
export function api(): RuntimeApi {
  const g = globalThis as { browser?: { runtime?: { id?: string } }; chrome?: unknown };
  return (g.browser?.runtime?.id ? g.browser : g.chrome) as RuntimeApi;
}

export async function loadExtensionScript(file: ExtensionScript): Promise<void> {
  if (import.meta.env.FIREFOX) {
    const msg: Message<BackgroundProtocol, 'loadScript'> = { type: 'loadScript', file };
    if (!(await api().runtime.sendMessage(msg))) throw new Error(`ModelLens: ${file} did not load`);
    return;
  }
  await import(/* @vite-ignore */ api().runtime.getURL(`/${file}`));
}
