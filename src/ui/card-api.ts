/**
 * The boundary between the content script and the card UI, which is its own script loaded on first
 * use (entrypoints/card.ts). Types only: both sides import them, neither imports the other's code.
 * The card never reads the page; what it needs of the page comes in through `PageReads`, read by
 * src/dom/page-reads.ts (bundled with the card script, which is loaded only on the first card).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { LookupHit } from '../core/lookup';
import type { Matcher } from '../core/matcher';
import type { EntryResponse, EntrySummary, MenuDone } from '../messaging/protocol';

export interface CardTarget {
  ranges: Range[];
  alias: string;
  /** Empty: a looked-up text the knowledge lacks (the card offers a search, `alias` is the text). */
  entityId: string;
  unknownVersion?: string;
}

/** What the card needs to know about the page, read by the content script (src/dom). */
export interface PageReads {
  /** Is the page dark where the card appears? */
  dark(): boolean;
  /** The article's publish date (YYYY-MM-DD), if the page states one. */
  publishDate(): string | null;
  /** The element that has keyboard focus (given back when the card closes). */
  focused(): HTMLElement | null;
  /** Where a looked-up selection is: the focused text field, else the selected text. */
  selection(): Range;
}

/** A looked-up selection: the entry it names (or null) and where the card shows. */
export interface CardLookup {
  hit: LookupHit | null;
  ranges: Range[];
}

export interface CardHandlers {
  load(id: string): Promise<EntryResponse>;
  /** Other entities mentioned on the page (for Compare). */
  others(exceptId: string): EntrySummary[];
  onClose(): void;
  onPin(pinned: boolean): void;
  onPointerInCard(inside: boolean): void;
  /** The page's matcher (bundled and the user's knowledge), for looking up a selection. */
  matcher(): Matcher;
}

/** The card as the content script drives it. */
export interface CardApi {
  /** Show the card for `target`; `token` discards stale loads; `focus`: move keyboard focus into it. */
  show(target: CardTarget, token: number, focus?: boolean): Promise<void>;
  /** Say something to screen readers (the focused mention during the keyboard tour). */
  announce(text: string): Promise<void>;
  setPinned(pinned: boolean): void;
  hide(): void;
  destroy(): void;
  /** The entry a selected text names (context menu "Look up"), or null. */
  lookup(text: string): Promise<CardLookup | null>;
  /** A short notice of a context-menu action with an Undo button (which asks the background to undo it). */
  toast(done: MenuDone): Promise<void>;
  /** Is `node` part of the card (its events are not the page's)? */
  contains(node: Node | null): boolean;
}

/** What the card script provides (entrypoints/card.ts sets it as a global). */
export interface CardModule {
  createCard(ctx: ContentScriptContext, handlers: CardHandlers): CardApi;
}
