/**
 * The card UI (Preact, Floating UI, its styles) is most of the content script's weight but is
 * needed only when a card first shows. It is built as its own script (entrypoints/card.ts →
 * card.js) and loaded on first use with import() from the extension's files, into this same
 * content-script world. Until then this stands in for CardHost: queries answer "no card", calls
 * that show something load it, the others wait for it (or do nothing while nothing is loaded).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardHandlers, CardHost } from '../ui/mount';

/** The global the card script sets in the content-script world (entrypoints/card.ts). */
export const CARD_GLOBAL = '__MODELLENS_CARD__';
export const CARD_FILE = '/card.js';

type CardModule = { CardHost: new (ctx: ContentScriptContext, handlers: CardHandlers) => CardHost };

/** Methods that show something: they load the card. */
const LOADS = new Set<PropertyKey>(['show', 'announce', 'open']);
/** Answers while no card is loaded (nothing is shown, so nothing is open or inside it). */
const IDLE: Record<PropertyKey, unknown> = { contains: () => false, isOpen: false, host: null };

async function loadCardModule(): Promise<CardModule> {
  const g = globalThis as Record<string, unknown>;
  const url = (browser.runtime.getURL as (path: string) => string)(CARD_FILE);
  if (!g[CARD_GLOBAL]) await import(/* @vite-ignore */ url);
  const mod = g[CARD_GLOBAL] as CardModule | undefined;
  if (!mod) throw new Error('ModelLens: card script did not load');
  return mod;
}

/** A CardHost that loads the card UI on first use. Same constructor and methods as CardHost. */
export const LazyCardHost = function LazyCardHost(ctx: ContentScriptContext, handlers: CardHandlers): CardHost {
  let real: CardHost | null = null;
  let loading: Promise<CardHost | null> | null = null;
  let destroyed = false;
  const load = () =>
    (loading ??= loadCardModule().then(
      (m) => {
        if (destroyed || ctx.isInvalid) return null;
        return (real = new m.CardHost(ctx, handlers));
      },
      (err) => {
        console.warn('ModelLens:', err);
        return null;
      },
    ));
  const call = (prop: PropertyKey, args: unknown[]) => {
    const run = (c: CardHost | null) => (c ? (c as unknown as Record<PropertyKey, (...a: unknown[]) => unknown>)[prop](...args) : undefined);
    if (real) return run(real);
    if (prop === 'destroy') destroyed = true;
    if (LOADS.has(prop)) return load().then(run);
    // Nothing shown yet: hide, pin, destroy … apply once the card exists, or are moot.
    return loading ? loading.then(run) : undefined;
  };
  return new Proxy({} as CardHost, {
    get(_t, prop) {
      if (real) {
        const v = (real as unknown as Record<PropertyKey, unknown>)[prop];
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(real) : v;
      }
      if (prop in IDLE) return IDLE[prop];
      if (prop === 'then') return undefined; // not a thenable
      return (...args: unknown[]) => call(prop, args);
    },
  });
} as unknown as new (ctx: ContentScriptContext, handlers: CardHandlers) => CardHost;
