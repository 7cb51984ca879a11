/**
 * Typed messages between content script, popup and background: for each message its request and
 * its reply, in one map per receiver. src/messaging/client.ts sends and serves them; nothing else
 * touches runtime messaging, so a reply's type is checked where it is used.
 */
import type { CompiledIndex } from '../core/index-format';
import type { Entry } from '../knowledge/schema';
import type { Settings } from '../settings/defaults';

export interface EntrySummary {
  id: string;
  name: string;
  vendor: string;
  kind: Entry['kind'];
}

export interface EntryResponse {
  entry: Entry | null;
  /** Names of every entry the entry links to, for link labels. */
  links: Record<string, EntrySummary>;
  /** The entry comes from the user's own knowledge (import): the card labels it "Your note". */
  user?: boolean;
  /** The reader's today (YYYY-MM-DD), set by the background: the card's status is computed for it. */
  today?: string;
}

/** What the popup shows about a tab: answered by the page's top frame. */
export interface PageInfo {
  host: string;
  /** Highlighting is on for this site (settings: site lists). */
  enabled: boolean;
  total: number;
  /** Mentions per entity, most mentioned first. */
  entities: Array<{ id: string; name: string; vendor: string; kind: string; count: number }>;
}

/** A mention as reported outside the page: its text with a text-quote context. */
export interface MentionInfo {
  key: number;
  entityId: string;
  exact: string;
  prefix: string;
  suffix: string;
  unknownVersion?: string;
}

/** What a page needs before it scans: validated settings and the stored merged index, if any. */
/** Storage keys (storage.local) whose change changes a page's setup; a new knowledge pack rewrites `userIndex` too. */
export const PAGE_SETUP_KEYS = ['settings', 'userIndex'];

export interface PageSetup {
  settings: Settings;
  stored: { base: string; index: CompiledIndex } | null;
}

/**
 * Extension scripts a content script may have put into its frame (src/dom/extension-script.ts);
 * web-accessible in Chrome through their dynamic URL only (wxt.config.ts).
 */
export const EXTENSION_SCRIPTS = ['card.js', 'engine.js', 'knowledge-index.js'] as const;
export type ExtensionScript = (typeof EXTENSION_SCRIPTS)[number];

/** content script / popup → background: request fields and reply, per message type. */
export type BackgroundProtocol = {
  getEntry: { request: { id: string }; reply: EntryResponse };
  /** A frame's mention count changed (the action badge shows the top frame's count). */
  mentionCount: { request: { count: number }; reply: void };
  pageSetup: { request: Record<never, never>; reply: PageSetup };
  /**
   * A frame's first stage: may a name stand in any of these texts (blocks joined by PROBE_SEP,
   * src/core/probe.ts)? `host`: the frame's, for the site switch; `headings`: its title and first
   * heading. True: load the engine.
   */
  probe: { request: { host: string; text: string; headings: string[] }; reply: boolean };
  /** At right-click: the highlighted mention under the pointer, if any (the context menu shows what applies). */
  menuContext: { request: MenuContext; reply: void };
  /** Undo of a context-menu action, from the card's toast. */
  menuUndo: { request: MenuDone; reply: boolean };
  /** Open the knowledge browser with a search (the card's "Not in the knowledge"). */
  openKnowledge: { request: { query: string }; reply: boolean };
  /** Firefox: run one of EXTENSION_SCRIPTS in the sender's frame; true once it ran. */
  loadScript: { request: { file: ExtensionScript }; reply: boolean };
  /** "Check now" (popup, options): one knowledge pack check; null when updates are off. */
  checkPack: { request: Record<never, never>; reply: PackCheckReply };
};

/** What is under the pointer when the context menu opens. */
export interface MenuContext {
  /** The highlighted mention: its entity and the text as written. */
  mention: { entityId: string; alias: string } | null;
  host: string;
}

/** A context-menu action done: a term muted, or highlighting switched off on a site (`term`: the host). */
export interface MenuDone {
  action: 'mute' | 'site';
  term: string;
}

/** background → the content script of the frame the context menu was opened in. */
export type MenuProtocol = {
  /** "Look up ‹selection› in ModelLens": show the card for the selected text. */
  menuLookup: { request: { query: string }; reply: boolean };
  /** Say what was done, with an undo. */
  menuDone: { request: MenuDone; reply: boolean };
};

/** The result of a knowledge pack check, as settings/pack-store.ts records it. */
export type PackCheckReply = { checkedAt: string; result: string; detail?: string } | null;

/** background / popup → content script (the tab's top frame answers). */
export type ContentProtocol = {
  listMentions: { request: Record<never, never>; reply: MentionInfo[] };
  tour: { request: { dir: 1 | -1 }; reply: boolean };
  reveal: { request: { entityId: string }; reply: boolean };
  pageInfo: { request: Record<never, never>; reply: PageInfo };
};

/** A protocol map: per message type, its request fields and its reply. */
export type Protocol = Record<string, { request: object; reply: unknown }>;

/** A message as sent: its type and its request fields. */
export type Message<P extends Protocol, K extends keyof P & string = keyof P & string> = {
  [T in K]: { type: T } & P[T]['request'];
}[K];
export type Reply<P extends Protocol, K extends keyof P> = P[K]['reply'];

export type BackgroundRequest = Message<BackgroundProtocol>;
export type ContentRequest = Message<ContentProtocol>;
export type MenuRequest = Message<MenuProtocol>;

export function isBackgroundRequest(x: unknown): x is BackgroundRequest {
  if (!x || typeof x !== 'object') return false;
  const m = x as { type?: unknown; id?: unknown; count?: unknown; file?: unknown };
  return (
    (m.type === 'getEntry' && typeof m.id === 'string') ||
    (m.type === 'mentionCount' && typeof m.count === 'number') ||
    m.type === 'pageSetup' ||
    (m.type === 'probe' && isProbe(x)) ||
    (m.type === 'menuContext' && typeof (x as { host?: unknown }).host === 'string') ||
    (m.type === 'menuUndo' && isMenuDone(x)) ||
    (m.type === 'openKnowledge' && typeof (x as { query?: unknown }).query === 'string') ||
    (m.type === 'loadScript' && (EXTENSION_SCRIPTS as readonly unknown[]).includes(m.file)) ||
    m.type === 'checkPack'
  );
}

function isProbe(x: object): boolean {
  const m = x as { host?: unknown; text?: unknown; headings?: unknown };
  return typeof m.host === 'string' && typeof m.text === 'string' && Array.isArray(m.headings) && m.headings.every((h) => typeof h === 'string');
}

function isMenuDone(x: object): boolean {
  const m = x as { action?: unknown; term?: unknown };
  return (m.action === 'mute' || m.action === 'site') && typeof m.term === 'string';
}

/** Only the extension's own background reaches a content script's onMessage: the type is enough. */
export function isMenuRequest(x: unknown): x is MenuRequest {
  const t = (x as { type?: unknown } | null)?.type;
  return t === 'menuLookup' || t === 'menuDone';
}

export function isContentRequest(x: unknown): x is ContentRequest {
  const t = (x as { type?: unknown } | null)?.type;
  return t === 'listMentions' || t === 'tour' || t === 'reveal' || t === 'pageInfo';
}
