/**
 * The card UI as its own script, loaded by the content script on the first card
 * (src/dom/lazy-card.ts), so pages where nobody hovers a mention never load Preact or Floating UI.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CardHost } from '@/src/ui/mount';
import { CARD_GLOBAL } from '@/src/dom/lazy-card';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_GLOBAL] = { CardHost };
});
