/**
 * The card UI as its own script, loaded by the content script on the first card
 * (src/dom/lazy-card.ts), so pages where nobody hovers a mention never load Preact or Floating UI.
 * What the card needs of the page (dark background, publish date, focus) is read by src/dom.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_GLOBAL } from '@/src/dom/lazy-card';
import { pageReads } from '@/src/dom/page-reads';
import type { CardModule } from '@/src/ui/card-api';
import { CardHost } from '@/src/ui/mount';

export default defineUnlistedScript(() => {
  const mod: CardModule = { createCard: (ctx, handlers) => new CardHost(ctx, handlers, pageReads(document)) };
  (globalThis as Record<string, unknown>)[CARD_GLOBAL] = mod;
});
