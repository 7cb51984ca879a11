/**
 * Build-time compiler: knowledge entries → the compact alias index the content script loads at
 * start. The index holds one trie-shaped regular expression source (so no alias list is turned
 * into a RegExp on the page) and a table from normalised alias to entity.
 */
import { aliasKey, caseKey, HYPHENS, SPACES } from '../core/normalize';
import type { Entry } from './schema';

/** Flag bits stored with each alias. */
export const FLAG_EXACT_CASE = 1;
export const FLAG_NEEDS_CONTEXT = 2;
/** Capitalised ordinary word ("Llama"): only as written or in capitals, never "llama". */
export const FLAG_PROPER = 4;

export interface CompiledIndex {
  v: 1;
  /** RegExp source (flags "gi"), alternation of all aliases as a trie, with boundaries. */
  source: string;
  ids: string[];
  names: string[];
  vendors: string[];
  kinds: string[];
  /** alias key → [entity index, flags, exact text (case-sensitive aliases only)] */
  keys: Record<string, [number, number] | [number, number, string]>;
  /** Version forms: [prefix key, suffix key, family entity index, flags]. */
  forms: [string, string, number, number][];
}

/** A version number inside a name: 5, 5.4, 4-6 (API style), 2.5. */
const VERSION = '\\d{1,2}(?:[.\\-]\\d{1,2})?';
const V_TOKEN = '\u0000';
const WORD = 'A-Za-z0-9_\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
const HYPH = `\\-${HYPHENS}`;
/** Not glued to a word, a handle (@x), a flag (-x) or a path-like dotted name. */
const START = `(?<![${WORD}${HYPH}@.#$])`;
/** Not followed by more word, nor by a version continuation (".7", "-5"). */
const END = `(?![${WORD}]|[.${HYPH}_][0-9])`;
const DATE = `(?:[${HYPH}](?:19|20)\\d{6})?`;

interface TrieNode {
  end: boolean;
  children: Map<string, TrieNode>;
}

function escapeChar(c: string): string {
  if (c === ' ') return `[\\s${SPACES}]+`;
  if (c === '-') return `[${HYPH}]`;
  if (c === V_TOKEN) return VERSION;
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

function emit(node: TrieNode): string {
  // Literal branches before the version slot: a known alias beats an unknown version of the same
  // length; backtracking still reaches the slot when a literal branch fails its boundary.
  const keys = [...node.children.keys()].sort((a, b) => (a === V_TOKEN ? 1 : b === V_TOKEN ? -1 : a < b ? -1 : 1));
  const alts = keys.map((k) => escapeChar(k) + emit(node.children.get(k)!));
  if (alts.length === 0) return '';
  const body = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
  return node.end ? `(?:${body})?` : body;
}

function insert(root: TrieNode, chars: string[]) {
  let n = root;
  for (const c of chars) {
    let next = n.children.get(c);
    if (!next) n.children.set(c, (next = { end: false, children: new Map() }));
    n = next;
  }
  n.end = true;
}

const isCapitalised = (s: string) => /^[A-Z][a-z]/.test(s);

export function compileIndex(entries: Entry[]): CompiledIndex {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : 1));
  const index: CompiledIndex = { v: 1, source: '', ids: [], names: [], vendors: [], kinds: [], keys: {}, forms: [] };
  const idx = new Map<string, number>();
  for (const e of sorted) {
    idx.set(e.id, index.ids.length);
    index.ids.push(e.id);
    index.names.push(e.name);
    index.vendors.push(e.vendor);
    index.kinds.push(e.kind);
  }
  const root: TrieNode = { end: false, children: new Map() };
  const contextKeys = new Set<string>();
  for (const e of sorted)
    for (const a of e.aliases) if (typeof a !== 'string' && a.context) contextKeys.add(aliasKey(a.text));
  for (const e of sorted) {
    const i = idx.get(e.id)!;
    for (const a of e.aliases) {
      const text = typeof a === 'string' ? a : a.text;
      const key = aliasKey(text);
      if (typeof a !== 'string' && a.shared && a.shared.prefer !== e.id) continue;
      let flags = 0;
      if (typeof a !== 'string') {
        if (a.case === 'exact') flags |= FLAG_EXACT_CASE;
        if (a.context) flags |= FLAG_NEEDS_CONTEXT;
        if (a.context && a.case !== 'any' && isCapitalised(text)) flags |= FLAG_PROPER;
      }
      index.keys[key] = flags & (FLAG_EXACT_CASE | FLAG_PROPER) ? [i, flags, caseKey(text)] : [i, flags];
      insert(root, [...key]);
    }
    for (const form of e.versionForms ?? []) {
      const [pre, post] = form.split('{v}');
      // "Opus {v}" is as ambiguous as "Opus" (Beethoven's Opus 13): it inherits the context rule.
      const flags = contextKeys.has(aliasKey(pre)) ? FLAG_NEEDS_CONTEXT : 0;
      index.forms.push([aliasKey(pre), aliasKey(post ?? ''), i, flags]);
      insert(root, [...pre.toLowerCase().replace(/\s+/g, ' '), V_TOKEN, ...(post ?? '').toLowerCase()]);
    }
  }
  index.source = `${START}${emit(root)}${DATE}${END}`;
  return index;
}
