/**
 * The settings' shape and their one set of defaults. No validation library here: the content
 * script reads these too (validation lives in schema.ts, for the background and options page).
 */
import type { Strictness } from '../core/context';

export const CATEGORIES = ['models', 'codenames', 'products'] as const;
export type Category = (typeof CATEGORIES)[number];

export const HIGHLIGHT_STYLES = ['underline', 'background', 'hover'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const STRICTNESS = ['block', 'page', 'off'] as const satisfies readonly Strictness[];

export const LANGUAGES = ['auto', 'en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export const SITE_MODES = ['all', 'allowlist'] as const;
type SiteMode = (typeof SITE_MODES)[number];

export interface Settings {
  categories: Record<Category, boolean>;
  style: HighlightStyle;
  firstMentionOnly: boolean;
  /** Terms not to highlight: an alias as written ("Gemini"), a name, or an entity id ("openai/o3"). */
  mutedTerms: string[];
  /** 'all': everywhere except `deny`; 'allowlist': only on `allow`. */
  siteMode: SiteMode;
  allow: string[];
  deny: string[];
  strictness: Strictness;
  language: Language;
  /** Fetch the signed knowledge pack at start-up and daily (src/background/pack-update.ts); off: no request at all. */
  updateKnowledge: boolean;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  categories: Object.freeze({ models: true, codenames: true, products: true }),
  style: 'underline',
  firstMentionOnly: false,
  mutedTerms: Object.freeze([]) as unknown as string[],
  siteMode: 'all',
  allow: Object.freeze([]) as unknown as string[],
  deny: Object.freeze([]) as unknown as string[],
  strictness: 'page',
  language: 'auto',
  updateKnowledge: true,
}) as Settings;

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}
