/**
 * The reader's today, for the card's status line, timeline note and freshness note.
 *
 * The end-to-end tests need a fixed day. Only builds made with WXT_E2E=1 (npm run test:e2e) read
 * one from storage.local `e2eToday`; in every other build `import.meta.env.WXT_E2E` is undefined,
 * the branch is removed at build time and the key means nothing.
 */
import { browser } from 'wxt/browser';
import { localDay } from '../core/lifecycle';

const E2E_TODAY_KEY = 'e2eToday';

export async function readerToday(): Promise<string> {
  if (import.meta.env.WXT_E2E) {
    const got: Record<string, unknown> = await browser.storage.local.get(E2E_TODAY_KEY).catch(() => ({}));
    const v = got[E2E_TODAY_KEY];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  }
  return localDay(new Date());
}
