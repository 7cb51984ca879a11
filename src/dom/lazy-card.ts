/**
 * The card UI (Preact, Floating UI, its styles) is most of the content script's weight but is
 * needed only when a card first shows. It is built as its own script (entrypoints/card.ts →
 * card.js) and loaded on first use into this same content-script world, by a way pages cannot
 * probe (src/dom/extension-script.ts). Until then LazyCard stands in: nothing is shown, so nothing is inside the
 * card; calls that show something load it, the others wait for it (or do nothing while nothing
 * is loaded).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MenuDone } from '../messaging/protocol';
import type { CardApi as Card, CardHandlers, CardLookup, CardModule, CardTarget } from '../ui/card-api';
import { loadExtensionScript } from './extension-script';

/** The global the card script sets in the content-script world (entrypoints/card.ts). */
export const CARD_GLOBAL = '__MODELLENS_CARD__';

async function loadCardModule(): Promise<CardModule> {
  const g = globalThis as Record<string, unknown>;
  if (!g[CARD_GLOBAL]) await loadExtensionScript('card.js');
  const mod = g[CARD_GLOBAL] as CardModule | undefined;
  if (!mod) throw new Error('ModelLens: card script did not load');
  return mod;
}

export class LazyCard implements Card {
  // Private names (#) are shortened by the minifier: this code runs in every page.
  #real: Card | null = null;
  #loading: Promise<Card | null> | null = null;
  #destroyed = false;
  #ctx: ContentScriptContext;
  #handlers: CardHandlers;
  #loadModule: () => Promise<CardModule>;

  constructor(ctx: ContentScriptContext, handlers: CardHandlers, loadModule: () => Promise<CardModule> = loadCardModule) {
    this.#ctx = ctx;
    this.#handlers = handlers;
    this.#loadModule = loadModule;
  }

  #load(): Promise<Card | null> {
    return (this.#loading ??= this.#loadModule().then(
      (m) => (this.#destroyed || this.#ctx.isInvalid ? null : (this.#real = m.createCard(this.#ctx, this.#handlers))),
      (err) => {
        console.warn('ModelLens:', err);
        return null;
      },
    ));
  }

  /** Run `fn` on the card now if it exists, else once it has loaded (if it is loading). */
  #later(fn: (c: Card) => void): void {
    if (this.#real) fn(this.#real);
    else void this.#loading?.then((c) => c && fn(c));
  }

  show(target: CardTarget, token: number, focus = false): Promise<void> {
    if (this.#real) return this.#real.show(target, token, focus);
    return this.#load().then((c) => c?.show(target, token, focus));
  }

  announce(text: string): Promise<void> {
    if (this.#real) return this.#real.announce(text);
    return this.#load().then((c) => c?.announce(text));
  }

  lookup(text: string): Promise<CardLookup | null> {
    return this.#load().then((c) => c && c.lookup(text));
  }

  toast(done: MenuDone): Promise<void> {
    return this.#load().then((c) => c?.toast(done));
  }

  setPinned(pinned: boolean): void {
    this.#later((c) => c.setPinned(pinned));
  }

  hide(): void {
    this.#later((c) => c.hide());
  }

  destroy(): void {
    if (!this.#real) this.#destroyed = true;
    this.#later((c) => c.destroy());
  }

  contains(node: Node | null): boolean {
    return this.#real?.contains(node) ?? false;
  }
}
