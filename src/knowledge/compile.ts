/**
 * Build-time compiler: knowledge entries → the compact alias index the content script loads at
 * start. The index holds one trie-shaped regular expression source (so no alias list is turned
 * into a RegExp on the page) and a table from normalised alias (core/normalize matchKey) to entity.
 * The matching rules the index encodes are described in docs/matching.md.
 */
import { FLAG_EXACT_CASE, FLAG_NEEDS_CONTEXT, FLAG_NOT_MODEL, FLAG_PROPER, FLAG_SIZE_FORM, type CompiledIndex } from '../core/index-format';
import { HYPHENS, MATCH_DATE_SUFFIX_RE, matchCaseKey, matchKey, SPACES } from '../core/normalize';
import type { Entry } from './schema';
import { insert, S_TOKEN, V_TOKEN, writeExpression, type TrieNode } from './trie';
import { matcherPatterns, tailRows } from '../core/tails';
import { cueSources, NON_PROSE } from '../core/senses';
import type { NonModelName } from './non-model-names';
import nonModelNames from './non-model-names.json';

export type { CompiledIndex } from '../core/index-format';

/** A model alias that ends in its parameter count ("gpt-oss-120b", "Sarvam 105B"). */
const ENDS_IN_SIZE = /^(.*\p{L}.*?)[\s-]((?:\d{1,4}(?:\.\d{1,2})?|\d{1,2}x\d{1,3})b)$/iu;
/** Trailing words that only repeat what a model id says: "Llama-3.3-70B-Instruct" is also "Llama 3.3 70B". */
const STRIPPABLE_SUFFIX = /[\s-](?:instruct|it|hf)$/i;

const isCapitalised = (s: string) => /^[A-Z][a-z]/.test(s);
/** "MiMo", "QwQ": a short camel-case word is a word of some language in lower case ("mimo"). */
const isShortCamel = (s: string) => /^[A-Za-z]{2,5}$/.test(s) && /[a-z][A-Z]/.test(s);

/** Keys of the aliases that need AI context, and the other senses of ambiguous aliases. */
function contextRules(entries: Entry[]): { contextKeys: Set<string>; senses: Record<string, string[]> } {
  const contextKeys = new Set<string>();
  const senses: Record<string, string[]> = {};
  for (const e of entries)
    for (const a of e.aliases)
      if (typeof a !== 'string') {
        if (a.context) contextKeys.add(matchKey(a.text));
        if (a.senses?.length) senses[matchKey(a.text)] = a.senses;
      }
  return { contextKeys, senses };
}

/** The flag bits of one alias. */
function aliasFlags(a: Entry['aliases'][number], text: string): number {
  let flags = 0;
  if (typeof a !== 'string') {
    if (a.case === 'exact') flags |= FLAG_EXACT_CASE;
    if (a.context) flags |= FLAG_NEEDS_CONTEXT;
    // "Llama", "OPT", "BLOOM": an ambiguous word is a name only as written or in capitals
    // ("opt out", "bloom lighting" are words).
    if (a.context && a.case !== 'any' && (isCapitalised(text) || /^[A-Z]{2,}$/.test(text))) flags |= FLAG_PROPER;
  }
  if (isShortCamel(text) && (typeof a === 'string' || a.case !== 'any')) flags |= FLAG_PROPER;
  return flags;
}

/** Another parameter count of a known model is its family's: one form per prefix. */
function addSizeForms(index: CompiledIndex, root: TrieNode, sizeForms: Array<[string, number]>): void {
  const seen = new Set<string>();
  for (const [pre, i] of sizeForms) {
    if (seen.has(pre)) continue;
    seen.add(pre);
    index.forms.push([pre, '', i, FLAG_SIZE_FORM]);
    insert(root, [...pre, S_TOKEN]);
  }
}

export function compileIndex(entries: Entry[], nonModel: readonly Pick<NonModelName, 'text'>[] = nonModelNames.names): CompiledIndex {
  const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : 1));
  const index: CompiledIndex = {
    v: 2,
    source: '',
    ids: [],
    names: [],
    vendors: [],
    kinds: [],
    keys: {},
    forms: [],
    parents: [],
    rx: matcherPatterns(SPACES, HYPHENS, MATCH_DATE_SUFFIX_RE.source),
  };
  const idx = new Map<string, number>();
  for (const e of sorted) {
    idx.set(e.id, index.ids.length);
    index.ids.push(e.id);
    index.names.push(e.name);
    index.vendors.push(e.vendor);
    index.kinds.push(e.kind);
  }
  for (const e of sorted) index.parents!.push(e.family && idx.has(e.family) ? idx.get(e.family)! : idx.get(e.id)!);
  const root: TrieNode = { end: false, children: new Map() };
  const { contextKeys, senses } = contextRules(sorted);

  const add = (text: string, i: number, flags: number) => {
    const key = matchKey(text);
    if (!key || key in index.keys) return; // first claim wins (entries sorted by id; checks report real clashes)
    index.keys[key] = flags & (FLAG_EXACT_CASE | FLAG_PROPER) ? [i, flags, matchCaseKey(text)] : [i, flags];
    insert(root, [...key]);
  };

  const derived: Array<[string, number, number]> = [];
  const sizeForms: Array<[string, number]> = [];
  for (const e of sorted) {
    const i = idx.get(e.id)!;
    for (const a of e.aliases) {
      const text = typeof a === 'string' ? a : a.text;
      if (typeof a !== 'string' && a.shared && a.shared.prefer !== e.id) continue;
      const flags = aliasFlags(a, text);
      add(text, i, flags);
      // "Gemma 4 31B IT" is also written "Gemma 4 31B": derived aliases yield to real ones.
      if (e.kind === 'model' && !(flags & FLAG_NEEDS_CONTEXT)) {
        // Another parameter count of a known model is its family's ("gpt-oss-20b" next to "gpt-oss-120b").
        const sized = ENDS_IN_SIZE.exec(text.replace(STRIPPABLE_SUFFIX, ''));
        if (sized) sizeForms.push([matchKey(sized[1] + ' ' + S_TOKEN).split(S_TOKEN)[0], index.parents![i]]);
        let base = text;
        while (STRIPPABLE_SUFFIX.test(base) && /\d/.test(base.replace(STRIPPABLE_SUFFIX, ''))) {
          base = base.replace(STRIPPABLE_SUFFIX, '');
          derived.push([base, i, flags]);
        }
      }
    }
    for (const form of e.versionForms ?? []) {
      const [pre, post] = matchKey(form.replace('{v}', V_TOKEN)).split(V_TOKEN);
      // "Opus {v}" is as ambiguous as "Opus" (Beethoven's Opus 13): it inherits the context rule.
      const flags = contextKeys.has(pre.trim()) ? FLAG_NEEDS_CONTEXT : 0;
      index.forms.push([pre, post ?? '', i, flags]);
      // "Opus {v}" has the senses of "Opus".
      if (senses[pre.trim()] && !senses[pre]) senses[pre] = senses[pre.trim()];
      insert(root, [...pre, V_TOKEN, ...(post ?? '')]);
    }
  }
  for (const [text, i, flags] of derived) add(text, i, flags);
  // Tools and data sets named like models ("llama.cpp", "Open Orca"): the expression reads them
  // whole, so no model name inside them is a mention. Aliases claim a spelling first.
  // An identifier ("llama-models", "dolly-15k": lower case, joined) counts only as written, so
  // prose that happens to spell it ("Llama models") is still read for names.
  for (const n of nonModel) add(n.text, -1, FLAG_NOT_MODEL | (/^[a-z0-9]+(?:[-_.][a-z0-9]+)+$/.test(n.text) ? FLAG_EXACT_CASE : 0));
  addSizeForms(index, root, sizeForms);
  index.tails = tailRows();
  index.nonProse = NON_PROSE;
  index.senses = senses;
  index.cues = cueSources(new Set(Object.values(senses).flat()));
  writeExpression(index, root);
  return index;
}
