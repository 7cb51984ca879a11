/**
 * The alias expression, compiled group by group (split at build time: src/knowledge/compile.ts,
 * CompiledIndex.split). V8's cost of compiling one expression grows faster than its size, and
 * every frame pays it again: the whole trie (about 80 kB of source) costs a frame on the order of
 * 100 ms before it has read a word. So the page compiles only a small finder — START and a
 * look-ahead for the keys, the first (up to three) literal characters of the aliases — and, the
 * first time the finder stops at a key, that key's group: the aliases below it. Text without names
 * stops at few keys ("pro", "sta" start ordinary words too) and compiles only their groups.
 *
 * The search gives exactly the matches of the whole expression: the finder proposes at most one
 * group at any place, only that group's aliases can match there, and the group tries them in their
 * original order with the same boundaries and tail.
 */
import { HEAD_CHARS, WORD_CHARS, type CompiledGroup, type CompiledIndex } from './index-format';

/** What the matcher needs of its expression: a global RegExp's `exec` and `lastIndex`. */
export interface AliasSearch {
  lastIndex: number;
  exec(text: string): RegExpExecArray | null;
}

/**
 * The key of a text as the "i" flag compares characters: each in upper case (when that is one
 * character). Canonicalize also keeps "ı" and "ſ" apart from "I" and "S"; grouping them together
 * only means a group is tried where it cannot match, never that a match is missed.
 */
export function canonical(s: string): string {
  // Upper case maps no character to fewer: the same length means no character became two.
  const whole = s.toUpperCase();
  if (whole.length === s.length) return whole;
  let out = '';
  for (const c of s) {
    const u = c.toUpperCase();
    out += u.length === 1 ? u : c;
  }
  return out;
}

const ESCAPE = /[\\^$.*+?()[\]{}|/]/g;

/**
 * Characters outside HEAD_CHARS that the "i" flag takes for one inside it ("µ" for "μ", some IPA
 * letters): where one follows a text's word, the word is no proof (tests/unit/alias-search.test.ts).
 */
export const HEAD_LOOKALIKES = /[\u00B5\u0250-\u02AF\u0345\u1C80-\u1C88\u1FBE\u2C65\u2C66\u2C7E\u2C7F\uA7DC]/;

/** A group's expression up to (not including) DATE and END. */
function groupSource(source: string, [key, end, , ...spans]: CompiledGroup): string {
  const alts: string[] = [];
  for (let i = 0; i < spans.length; i += 2) alts.push(source.slice(spans[i], spans[i + 1]));
  return key.replace(ESCAPE, '\\$&') + (alts.length ? `(?:${alts.join('|')})${end ? '?' : ''}` : '');
}

/**
 * One global-RegExp-like search over the split: the finder proposes, the key's group decides.
 *
 * DATE and END (the tail) cost a group's expression about 0.3 ms to compile, many times its
 * aliases; so a group is compiled with only END's first condition — no letter or digit next —
 * and the tail is tested after it by one expression compiled once. That gives the same match:
 * a place where a letter or digit follows fails the tail too (DATE starts with a hyphen), so the
 * first alternative the short expression accepts is the first one the whole could accept; when
 * the tail then fails there, the group with its tail (compiled then) searches on from that place.
 */
function splitSearch(source: string, split: NonNullable<CompiledIndex['split']>): AliasSearch {
  const finder = new RegExp(split.finder, 'gi');
  const tailSource = source.slice(split.tail);
  let tail: RegExp | undefined;
  const where = new Map<string, number>();
  split.groups.forEach(([key], i) => where.set(key, i));
  // Ordinary words share keys with aliases ("pro", "sta"); the word at the place tells most apart
  // before a group is compiled: a name there starts with one of its group's words.
  const word = new RegExp(`[${HEAD_CHARS}]*`, 'y');
  const heads: (Set<string> | undefined)[] = [];
  const mayMatch = (text: string, at: number, i: number): boolean => {
    const list = split.groups[i][2];
    if (!list) return true;
    const set = (heads[i] ??= new Set(list.split('|')));
    word.lastIndex = at;
    word.test(text);
    return set.has(canonical(text.slice(at, word.lastIndex))) || HEAD_LOOKALIKES.test(text[word.lastIndex] ?? '');
  };
  const short: (RegExp | undefined)[] = [];
  const whole: (RegExp | undefined)[] = [];
  const match = (text: string, at: number, i: number): RegExpExecArray | null => {
    const g = (short[i] ??= new RegExp(`${groupSource(source, split.groups[i])}(?![${WORD_CHARS.replace('_', '')}])`, 'iy'));
    g.lastIndex = at;
    const r = g.exec(text);
    if (!r) return null;
    tail ??= new RegExp(tailSource, 'iy');
    tail.lastIndex = at + r[0].length;
    const t = tail.exec(text);
    if (t) {
      r[0] += t[0];
      return r;
    }
    const w = (whole[i] ??= new RegExp(`(?:${groupSource(source, split.groups[i])})${tailSource}`, 'iy'));
    w.lastIndex = at;
    return w.exec(text);
  };
  const search: AliasSearch = {
    lastIndex: 0,
    exec(text) {
      finder.lastIndex = search.lastIndex;
      for (let m = finder.exec(text); m; m = finder.exec(text)) {
        const at = m.index;
        const i = where.get(canonical(m[1]));
        const r = i === undefined || !mayMatch(text, at, i) ? null : match(text, at, i);
        if (r) {
          search.lastIndex = at + r[0].length;
          return r;
        }
        finder.lastIndex = at + 1;
      }
      search.lastIndex = 0;
      return null;
    },
  };
  return search;
}

/** The search for a compiled index's expression (flags "gi"), split when the index says how. */
export function aliasSearch(index: Pick<CompiledIndex, 'source' | 'split'>): AliasSearch {
  return index.split ? splitSearch(index.source, index.split) : new RegExp(index.source, 'gi');
}
