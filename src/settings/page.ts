/**
 * The content script's view of settings and user knowledge. It asks the background, which reads,
 * migrates and validates them (src/settings/items.ts), and follows storage changes, so neither
 * the storage wrapper nor the validation library ships in the code injected into every page.
 */
import { browser } from 'wxt/browser';
import type { CompiledIndex } from '../core/index-format';
import { builtFingerprint, pickIndex } from '../knowledge/fingerprint';
import { sendToBackground } from '../messaging/client';
import { defaultSettings, type Settings } from './defaults';

/** Storage keys whose change means the page must ask again (wxt storage `local:<key>`). */
const WATCHED = ['settings', 'userIndex'];

export interface PageSettings {
  settings: Settings;
  index: CompiledIndex;
}

export async function loadPageSetup(bundled: CompiledIndex): Promise<PageSettings> {
  const setup = await sendToBackground({ type: 'pageSetup' }).catch(() => null);
  // Without an answer (background restarting) the page still works with defaults and bundled knowledge.
  if (!setup) return { settings: defaultSettings(), index: bundled };
  return { settings: setup.settings, index: pickIndex(bundled, setup.stored, builtFingerprint(bundled)) };
}

export function watchPageSetup(bundled: CompiledIndex, cb: (s: PageSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !WATCHED.some((k) => k in changes)) return;
    void loadPageSetup(bundled).then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
