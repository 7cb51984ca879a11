/** Typed messages between content script, popup and background. */
import type { Entry } from '../knowledge/schema';

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

/** content script / popup → background */
export type BackgroundRequest =
  | { type: 'getEntry'; id: string }
  /** A frame's mention count changed (the action badge shows the tab's sum). */
  | { type: 'mentionCount'; count: number }
  | { type: 'pageSetup' };

/** background / popup → content script */
export type ContentRequest =
  | { type: 'listMentions' }
  | { type: 'tour'; dir: 1 | -1 }
  | { type: 'reveal'; entityId: string }
  | { type: 'pageInfo' };

export function isBackgroundRequest(x: unknown): x is BackgroundRequest {
  if (!x || typeof x !== 'object') return false;
  const m = x as { type?: unknown; id?: unknown; count?: unknown };
  return (m.type === 'getEntry' && typeof m.id === 'string') || (m.type === 'mentionCount' && typeof m.count === 'number') || m.type === 'pageSetup';
}

export function isContentRequest(x: unknown): x is ContentRequest {
  const t = (x as { type?: unknown } | null)?.type;
  return t === 'listMentions' || t === 'tour' || t === 'reveal' || t === 'pageInfo';
}

/** What a page needs before it scans: validated settings and the stored merged index, if any. */
export interface PageSetup {
  settings: import('../settings/schema').Settings;
  stored: { base: string; index: import('../knowledge/compile').CompiledIndex } | null;
}
