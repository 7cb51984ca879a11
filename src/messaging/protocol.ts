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
export type BackgroundRequest = { type: 'getEntry'; id: string };

/** background / popup → content script */
export type ContentRequest =
  | { type: 'listMentions' }
  | { type: 'tour'; dir: 1 | -1 }
  | { type: 'reveal'; entityId: string };

export function isBackgroundRequest(x: unknown): x is BackgroundRequest {
  return !!x && typeof x === 'object' && (x as BackgroundRequest).type === 'getEntry' && typeof (x as { id?: unknown }).id === 'string';
}

export function isContentRequest(x: unknown): x is ContentRequest {
  const t = (x as { type?: unknown } | null)?.type;
  return t === 'listMentions' || t === 'tour' || t === 'reveal';
}
