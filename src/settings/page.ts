/**
 * The content script's view of settings and user knowledge. It asks the background, which reads,
 * migrates and validates them (src/settings/items.ts), and follows storage changes, so neither
 * the storage wrapper nor the validation library ships in the code injected into every page.
 */
import { browser } from 'wxt/browser';
import type { CompiledIndex } from '../core/index-format';
import { builtFingerprint, pickIndex } from '../knowledge/fingerprint';
import { sendToBackground } from '../messaging/client';
import { PAGE_SETUP_KEYS, type PageSetup } from '../messaging/protocol';
import { defaultSettings, type Settings } from './defaults';


export interface PageSettings {
  settings: Settings;
  index: CompiledIndex;
}

/**
 * The alias index this page matches with: the stored one (the knowledge pack's entries and/or the
 * user's, compiled by the background or options page; settings/user-index.ts) when it was built
 * for this very bundled index, else the bundled index (knowledge-index.js).
 */
export function activeIndex(bundled: CompiledIndex, stored: PageSetup['stored'] | undefined): CompiledIndex {
  return pickIndex(bundled, stored, builtFingerprint(bundled));
}

export async function loadPageSetup(bundled: CompiledIndex): Promise<PageSettings> {
  const setup = await sendToBackground({ type: 'pageSetup' }).catch(() => null);
  // Without an answer (background restarting) the page still works with defaults and bundled knowledge.
  if (!setup) return { settings: defaultSettings(), index: bundled };
  return { settings: setup.settings, index: activeIndex(bundled, setup.stored) };
}

export function watchPageSetup(bundled: CompiledIndex, cb: (s: PageSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !PAGE_SETUP_KEYS.some((k) => k in changes)) return;
    void loadPageSetup(bundled).then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
