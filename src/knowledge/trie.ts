/**
 * The alias trie as a regular expression (build time): the source the page searches with, and
 * its split into small groups compiled on first use (src/core/alias-search.ts). Used by the
 * compiler (compile.ts), which builds the trie from the knowledge.
 */
import { END, HEAD_CHARS, HYPH, WORD_CHARS, type CompiledGroup, type CompiledIndex } from '../core/index-format';
import { SPACES } from '../core/normalize';
import { canonical } from '../core/alias-search';

/** A version number inside a name: 5, 5.4, 4-6 (API style), 2.5. */
export const VERSION = '\\d{1,2}(?:[.\\-]\\d{1,2})?';
/** Stands for the version slot of a version form while building the trie. */
export const V_TOKEN = '\u0000';
/** Stands for a parameter-count slot ("{size}" in "gpt-oss-{size}") while building the trie. */
export const S_TOKEN = '\u0001';
/** A parameter count: 8B, 1.5B, 405b, 8x7B. */
export const SIZE = '(?:\\d{1,4}(?:\\.\\d{1,2})?|\\d{1,2}x\\d{1,3})[bB]';
/** Not glued to a word, a handle (@x), a flag (-x) or a path-like dotted name. */
const START = `(?<![${WORD_CHARS}${HYPH}@.#$])`;
/** A snapshot suffix: -20260205, -2024-08-06, -0528 (see MATCH_DATE_SUFFIX_RE). */
const DATE = `(?:[${HYPH}](?:(?:19|20)\\d{6}|(?:19|20)\\d\\d[${HYPH}]\\d\\d[${HYPH}]\\d\\d|\\d{4}))?`;
/**
 * A separator between parts of a name: spaces and hyphens. One character class, not an
 * alternation ("spaces or one hyphen"): the alternation made the whole expression ~4× slower.
 */
export const SEP_CLASS = `[\\s${SPACES}${HYPH}]`;
export const SEP = `${SEP_CLASS}+`;

export interface TrieNode {
  end: boolean;
  children: Map<string, TrieNode>;
}

export const isLetter = (c: string | undefined) => !!c && /\p{L}/u.test(c);
const isDigitish = (c: string) => /[0-9]/.test(c) || c === V_TOKEN || c === S_TOKEN;
const isSlot = (c: string) => c === V_TOKEN || c === S_TOKEN;

function escapeChar(c: string): string {
  if (c === ' ') return SEP;
  if (c === V_TOKEN) return VERSION;
  if (c === S_TOKEN) return SIZE;
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

interface Emitted {
  s: string;
  /** Where each alternative below a node is in `s`, by the child it leads to. */
  alts: Map<TrieNode, Map<string, [number, number]>>;
}

/** The trie below `node` as expression source, appended to `out.s` (alternatives recorded, see splitFor). */
function emit(node: TrieNode, prev: string | undefined, out: Emitted): void {
  // Literal branches before the version slot: a known alias beats an unknown version of the same
  // length; backtracking still reaches the slot when a literal branch fails its boundary.
  const keys = [...node.children.keys()].sort((a, b) => (isSlot(a) !== isSlot(b) ? (isSlot(a) ? 1 : -1) : a < b ? -1 : 1));
  if (!keys.length) return;
  const spans = new Map<string, [number, number]>();
  out.alts.set(node, spans);
  const group = node.end || keys.length > 1;
  if (group) out.s += '(?:';
  keys.forEach((k, i) => {
    if (i) out.s += '|';
    const start = out.s.length;
    // Between a letter and a digit the separator is optional ("GPT5", "GPT-5", "GPT 5").
    out.s += (isLetter(prev) && isDigitish(k) ? `${SEP_CLASS}*` : '') + escapeChar(k);
    emit(node.children.get(k)!, k, out);
    spans.set(k, [start, out.s.length]);
  });
  if (group) out.s += node.end ? ')?' : ')';
}

/** How many literal characters a group key has at most (see splitFor). */
const GROUP_KEY_LENGTH = 3;

const HEAD_CHAR = new RegExp(`^[${HEAD_CHARS}]$`);
/** Whether `s` is made of letters that continue a word (so a text's word there must be all of it). */
const isHeadWord = (s: string) => [...s].every((c) => HEAD_CHAR.test(c));

/** The letter words (HEAD_CHARS) the aliases below `node` start with, `key` being the word so far. */
function headsBelow(node: TrieNode, key: string): string[] {
  const out: string[] = [];
  const kids = [...node.children.keys()];
  if (node.end || kids.some((k) => !HEAD_CHAR.test(k))) out.push(key);
  for (const k of kids) if (HEAD_CHAR.test(k)) out.push(...headsBelow(node.children.get(k)!, key + k));
  return out;
}

/** A character for a character class. */
const classChar = (c: string) => (/[\\\]^\-]/.test(c) ? '\\' + c : c);

/**
 * The expression split for the page (CompiledIndex.split, src/core/alias-search.ts). Compiling
 * the whole trie costs a frame about 100 ms in V8, and its first-character branches nearly as
 * much, as ordinary text starts words with almost every letter. So the trie is cut into groups
 * by their first literal characters, the key: down to GROUP_KEY_LENGTH characters, a node's
 * literal children (a letter, or a digit after a digit) are followed further, while what may
 * follow it with a separator (a space, a version or size slot, a digit after a letter) and the
 * end of an alias stay in the node's own group. The finder asks, at each key, that the next
 * character is none of the followed children, so at any place in a text at most one group is
 * proposed, and only its aliases can match there: its expression (key, its alternatives, DATE
 * and END) gives exactly what the whole expression gives at that place. Each group also lists
 * the words (runs of HEAD_CHARS) its aliases start with, which the page checks first.
 */
function splitFor(root: TrieNode, out: Emitted, offset: number, tail: number): CompiledIndex['split'] {
  const groups: CompiledGroup[] = [];
  const finder: string[] = [];
  const literal = (k: string, last: string | undefined) => k !== ' ' && !isSlot(k) && !(isLetter(last) && isDigitish(k));
  const walk = (node: TrieNode, key: string) => {
    const last = key[key.length - 1];
    const kids = [...node.children.keys()];
    const follow = key.length < GROUP_KEY_LENGTH ? kids.filter((k) => literal(k, last)) : [];
    // In the order the expression tries them.
    const own = [...(out.alts.get(node)?.keys() ?? [])].filter((k) => !follow.includes(k));
    if (key && (own.length || node.end)) {
      const spans = own.map((k) => out.alts.get(node)!.get(k)!.map((x) => x + offset));
      // The words its aliases start with: all of them when the group holds the whole node, else
      // the key alone (what the group holds goes on with a separator or a digit, or ends).
      const heads = !isHeadWord(key) ? '' : follow.length || !kids.length ? key : headsBelow(node, key).join('|');
      // Keys and words as the "i" flag compares them, so the page compares without converting them.
      groups.push([canonical(key), node.end ? 1 : 0, canonical(heads), ...spans.flat()]);
      // What must come next: another character than the followed children's; and where no alias
      // ends here (nor goes on with a literal), a separator or a digit — ordinary words starting
      // like "t5" or "o1" then never leave the finder.
      const not = follow.length ? `(?![${follow.map(classChar).join('')}])` : '';
      const digits = own.every((k) => isDigitish(k));
      const next = node.end || own.some((k) => literal(k, last)) ? '' : digits ? `(?=${isLetter(last) ? `${SEP_CLASS}*` : ''}[0-9])` : own.every((k) => k === ' ') ? `(?=${SEP_CLASS})` : `(?=${SEP_CLASS}|[0-9])`;
      finder.push([...key].map(escapeChar).join('') + not + next);
    }
    for (const k of follow) walk(node.children.get(k)!, key + k);
  };
  if (root.end || [...root.children.keys()].some((k) => !literal(k, undefined))) return undefined;
  walk(root, '');
  return { finder: `${START}(?=(${finder.join('|')}))`, groups, tail };
}

/**
 * A look-ahead for the characters any alias starts with: the engine rejects a word start with one
 * class test instead of trying every first-level branch of the trie (about 30% less time per
 * character on real pages, docs/performance.md).
 */
function firstCharsAhead(root: TrieNode): string {
  const first = [...root.children.keys()];
  if (first.some((c) => c === ' ' || isSlot(c))) return '';
  return `(?=[${first.map((c) => (/[\\\]^\-]/.test(c) ? '\\' + c : c)).join('')}])`;
}

export function insert(root: TrieNode, chars: string[]) {
  let n = root;
  for (const c of chars) {
    let next = n.children.get(c);
    if (!next) n.children.set(c, (next = { end: false, children: new Map() }));
    n = next;
  }
  n.end = true;
}

/** The trie as the index's expression, and its split for the page. */
export function writeExpression(index: CompiledIndex, root: TrieNode): void {
  const out: Emitted = { s: '', alts: new Map() };
  emit(root, undefined, out);
  const head = `${START}${firstCharsAhead(root)}`;
  index.source = `${head}${out.s}${DATE}${END}`;
  const split = splitFor(root, out, head.length, head.length + out.s.length);
  if (split) index.split = split;
}
