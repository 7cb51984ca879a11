/**
 * The pure matcher: text in, mentions out. No DOM. The index comes compiled from the build
 * (src/knowledge/compile.ts); creating a matcher only wraps its regular-expression source.
 * One pass of that expression over the text; each hit is then checked against the alias table
 * (case rules) and may grow by a variant tail ("Gemma 3" + " 27B"). Rules: docs/matching.md.
 */
import { FLAG_EXACT_CASE, FLAG_NEEDS_CONTEXT, FLAG_NOT_MODEL, FLAG_SIZE_FORM, type CompiledIndex } from './index-format';
import { aliasSearch, type AliasSearch } from './alias-search';
import { caseKey, matchCaseKey, matchKey } from './normalize';
import { DATE, type MatcherPattern, SAME_MODEL, SIZE, type Tail, tailClass, VERSION } from './tails';

export interface Match {
  start: number;
  end: number;
  entityId: string;
  /** The text as written on the page. */
  alias: string;
  /** 1 = unambiguous; lower = an ordinary word that needs AI context (see context.ts). */
  confidence: number;
  needsContext: boolean;
  /** Set when a known family was named with a version the knowledge lacks ("GPT-5.7" → "5.7"). */
  unknownVersion?: string;
  /** Other senses the word has (src/core/senses.ts), for the context rules. */
  senses?: string[];
}

export interface Matcher {
  index: CompiledIndex;
  /** The alias expression (src/core/alias-search.ts: compiled group by group, on first use). */
  re: AliasSearch;
  /** Cue lexicon per sense (src/core/senses.ts). */
  cues: Record<string, RegExp>;
  /** Text that is not prose (URLs, e-mail addresses, domains). */
  np?: RegExp;
  /** The matcher's own patterns (src/core/tails.ts matcherPatterns), from the index. */
  rx: Record<MatcherPattern, RegExp>;
  /** Set once warmSteps() have run. */
  warm?: boolean;
}

/** `name` on `o`: made by `make` on first read (a page without a name compiles none of these). */
function lazy<T>(o: object, name: string, make: () => T): void {
  Object.defineProperty(o, name, {
    configurable: true,
    enumerable: true,
    get() {
      const v = make();
      Object.defineProperty(o, name, { value: v, enumerable: true, writable: true });
      return v;
    },
  });
}

export function createMatcher(index: CompiledIndex): Matcher {
  const compile = (o: Record<string, [string, string]> = {}) => {
    const out: Record<string, RegExp> = {};
    for (const k in o) lazy(out, k, () => new RegExp(...o[k]));
    return out;
  };
  const m = { index, re: aliasSearch(index), cues: compile(index.cues), rx: compile(index.rx) as Matcher['rx'] } as Matcher;
  if (index.nonProse) lazy(m, 'np', () => new RegExp(index.nonProse!, 'gi'));
  return m;
}




interface Hit extends Match {
  i: number;
  /** Came from a version form (the entity is a family). */
  form: boolean;
}

/** A hit on entity `i`; with `unknownVersion`, a version form of a family. */
function toHit(m: Matcher, text: string, start: number, i: number, needsContext: boolean, confidence: number, unknownVersion?: string): Hit {
  const h: Hit = { start, end: start + text.length, entityId: m.index.ids[i], alias: text, confidence, needsContext, i, form: unknownVersion !== undefined };
  if (unknownVersion !== undefined) h.unknownVersion = unknownVersion;
  return h;
}

function withSenses(m: Matcher, key: string, h: Hit): Hit {
  const s = m.index.senses?.[key];
  if (s && h.needsContext) h.senses = s;
  return h;
}

/** Resolve one regex hit to a match, or null when the case rules reject it. */
function resolve(m: Matcher, text: string, start: number): Hit | null {
  let key = matchKey(text);
  let hit = m.index.keys[key];
  let dated = false;
  if (!hit && m.rx.date.test(key)) {
    hit = m.index.keys[(key = key.replace(m.rx.date, ''))];
    dated = true;
  }
  if (hit) {
    const [i, flags, exact] = hit;
    // A tool or data set named like a model ("llama.cpp", "Open Orca"): read whole, no mention;
    // an identifier spelled otherwise ("Llama models", not "llama-models"): the name before its last part.
    if (flags & FLAG_NOT_MODEL) {
      const t = text.replace(m.rx.lastPart, '');
      return exact === undefined || matchCaseKey(text) === exact || t === text ? null : resolve(m, t, start);
    }
    if (exact !== undefined) {
      let written = matchCaseKey(text);
      if (dated) written = written.replace(m.rx.date, '');
      const ok = flags & FLAG_EXACT_CASE ? written === exact : written === exact || written === exact.toUpperCase();
      // "yi-34b-chat": a proper word in lower case is a name only as an id with a number (see extend).
      if (!ok) return flags & FLAG_EXACT_CASE || written !== exact.toLowerCase() ? null : toHit(m, text, start, i, true, dated ? 0.5 : -1);
    }
    const needsContext = (flags & FLAG_NEEDS_CONTEXT) !== 0;
    return withSenses(m, key, toHit(m, text, start, i, needsContext, needsContext ? 0.5 : 1));
  }
  // Not an alias: a version form of a family ("GPT-5.7").
  for (const [pre, post, i, flags] of m.index.forms) {
    if (!key.startsWith(pre) || !key.endsWith(post) || key.length < pre.length + post.length) continue;
    const version = key.slice(pre.length, key.length - post.length).trim();
    if (!(flags & FLAG_SIZE_FORM ? m.rx.size : m.rx.ver).test(version)) continue;
    // "Opus 13" needs context like "Opus"; the id spelling "opus-4-9" does not.
    const needsContext = (flags & FLAG_NEEDS_CONTEXT) !== 0 && !m.rx.id.test(text);
    if (needsContext && !/^[A-Z]/.test(text)) return null;
    const unknownVersion = flags & FLAG_SIZE_FORM ? text.slice(-version.length) : version.replace(' ', '.');
    return withSenses(m, pre, toHit(m, text, start, i, needsContext, needsContext ? 0.4 : 0.9, unknownVersion));
  }
  return null;
}

/**
 * Grow a hit by the tail grammar (src/core/tails.ts). Without a number in the name only parameter
 * counts follow a space ("Mistral 7B", not "Claude Pro"); a joined run after a bare name must
 * carry a number ("GLM-Z1-9B", "Yi-chat-6B-2bits"). An unknown capitalised word inside a joined
 * run is part of the name when a grammar token follows it in the same run
 * ("DeepSeek-R1-Distill-Qwen-32B"). The entity is the longest known prefix: that model when only
 * dates, stages or formats follow it, else its family, flagged `unknownVersion`.
 * `weak`: a proper word written in lower case ("yi"), a mention only as an id with a number.
 */
function extend(m: Matcher, text: string, h: Hit, weak: boolean): Hit | null {
  let pos = h.end;
  let numbered = /\d/.test(h.alias);
  let sized = false;
  let prevSize = /\d[bB]$/.test(h.alias);
  /** End of the part taken for sure; pos runs ahead over words waiting for the rest of their run. */
  let taken = pos;
  /** Token ends taken, each with "only same-model tails since the name". */
  const ends: [number, Tail | 0][] = [];
  for (;;) {
    const TAIL_RE = m.rx.tail;
    TAIL_RE.lastIndex = pos;
    const t = TAIL_RE.exec(text);
    if (!t) break;
    const tok = t[2];
    const spaced = t[1] !== undefined;
    if (spaced && taken < pos) break;
    let c = tailClass(m.index.tails ?? [], tok, spaced);
    if (text[pos] === '@' && c !== DATE) break;
    const next = TAIL_RE.lastIndex;
    if (spaced && (c === DATE || c === SIZE) && m.cues.units?.test(text.slice(next, next + 12))) c = 0;
    if (spaced && c === SIZE && /k$/i.test(tok) && !prevSize) c = 0;
    // After a bare name only parameter counts and version labels follow a space ("Mistral 7B",
    // "LongChat v1.5"; not "Claude Pro").
    if (c && c !== SIZE && c !== VERSION && !numbered && spaced) break;
    if (c) {
      if (c === SIZE) sized = true;
      if (/\d/.test(tok)) numbered = true;
      prevSize = c === SIZE;
      ends.push([next, c]);
      pos = taken = next;
      continue;
    }
    // An unknown word in a joined run: part of the name only if the grammar goes on after it.
    // In a lower-case id with a number, unknown lower-case words too ("gpt-4o-search-preview").
    if (!spaced && (/^[A-Z][A-Za-z]*$/.test(tok) || (/^[a-z]+$/.test(tok) && !/[A-Z]/.test(h.alias) && numbered)) && text[pos] !== '@') {
      ends.push([next, 0]);
      pos = next;
      continue;
    }
    break;
  }
  if (weak && taken === h.end) return null;
  if (taken === h.end) return h;
  const alias = text.slice(h.start, taken);
  // The longest known prefix names the entity.
  let i = h.i;
  let unknown = true;
  if (!h.form)
    for (let k = ends.length - 1; k >= -1; k--) {
      const end = k < 0 ? h.end : ends[k][0];
      if (end > taken) continue;
      const hit = m.index.keys[matchKey(text.slice(h.start, end))];
      if (!hit || hit[0] < 0) continue;
      const sameModel = ends.every(([e, c]) => e <= end || (e > taken) || SAME_MODEL(c));
      i = sameModel ? hit[0] : (m.index.parents?.[hit[0]] ?? hit[0]);
      unknown = end !== taken;
      break;
    }
  const variant = caseKey(text.slice(h.end, taken)).replace(/^[-@_]/, '');
  const model = sized || /\d/.test(alias);
  const out: Hit = {
    ...h,
    end: taken,
    alias,
    i,
    entityId: m.index.ids[i],
    // A parameter count, or a tail after a number, makes an ordinary word a model ("Mistral 7B",
    // "GLM-Z1-9B", "Gemini-2 Flash").
    needsContext: model ? false : h.needsContext,
    confidence: model ? 0.9 : h.confidence,
  };
  delete out.unknownVersion;
  if (h.form) out.unknownVersion = `${h.unknownVersion} ${variant}`;
  else if (unknown) out.unknownVersion = caseKey(alias);
  return out;
}

/** Spans of `text` that are not prose (URLs, e-mail addresses, domains). */
function nonProse(text: string, m: Matcher): [number, number][] {
  const out: [number, number][] = [];
  if (m.np && /[.@]|--/.test(text)) for (const u of text.matchAll(m.np)) out.push([u.index!, u.index! + u[0].length]);
  return out;
}

/** What match() throws at a text's first candidate while the matcher is cold and `deferCold` is set. */
export const COLD = new Error('ModelLens: the matcher is not warm yet');

/**
 * The first name on a page needs what a page without one never builds: the index's entity and
 * alias tables (decoded on first use, src/knowledge/pack-index.ts) and the matcher's own
 * expressions. Each step is one piece of that work; a caller that runs them as tasks of their
 * own (the sliced scan, src/dom/scanner.ts) keeps the first name's block from becoming one long
 * task. The matcher is warm after the last.
 */
export function warmSteps(m: Matcher): (() => void)[] {
  return [
    () => void m.index.ids,
    () => void m.index.keys,
    () => {
      for (const k in m.rx) void m.rx[k as MatcherPattern];
      for (const k in m.cues) void m.cues[k];
      void m.np;
      m.warm = true;
    },
  ];
}

/**
 * `rx.glued`: glued after a name, a word the grammar did not take — an identifier or another name.
 * "qwen-vl-utils", "llama-cpp" (lower case), "Llama.cpp", "yi-chat-6b.Q2_K" (a file or library),
 * "GLM-4-*-0414" (a pattern), "Yi-6bchat" (a name the grammar does not read),
 * "Qwen/Qwen2.5-VL" (an organisation), "GPT-Q", "GPT-NeoX" (another name; "Claude-powered" is
 * prose and stays).
 *
 * All mentions in `text`, left to right, longest first at each position, non-overlapping.
 */
export function match(text: string, m: Matcher, deferCold = false): Match[] {
  const out: Match[] = [];
  const re = m.re;
  // URLs, addresses and domains: found only once the expression hits (most text has no hit, and
  // this second pass over it would cost as much as the first).
  let skip: [number, number][] | null = null;
  re.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = re.exec(text))) {
    if (deferCold && !m.warm) {
      re.lastIndex = 0;
      throw COLD;
    }
    const at = r.index;
    skip ??= nonProse(text, m);
    // Inside a URL, address or domain; a name that only starts with a domain stands ("Z.ai GLM").
    if (skip.some(([s, e]) => at >= s && at < e && (at > s || at + r![0].length <= e))) continue;
    let h = resolve(m, r[0], at);
    // "Yi-34B chat model": a word the grammar reads only joined ends a known alias at a space.
    const w = m.rx.spacedWord.exec(r[0]);
    const t = m.index.tails ?? [];
    if (h && w && tailClass(t, w[1], false) && !tailClass(t, w[1][0].toUpperCase() + w[1].slice(1), true)) {
      const short = r[0].slice(0, w.index);
      if (m.index.keys[matchKey(short)]) h = resolve(m, short, at);
    }
    if (!h) continue;
    const x = extend(m, text, h, h.confidence < 0);
    if (!x) continue;
    const g = m.rx.glued.exec(text.slice(x.end, x.end + 40));
    // Lower case glued to anything, or glued to a capital, digit or `*` without a number of its own:
    // an identifier or another name. `.x` (a file or library) always; `/x` (an organisation) without a number.
    if (g && (g[1] ? !/[A-Z]/.test(x.alias) || g[1] === '*' || (!/[a-z]/.test(g[1]) && !/\d/.test(x.alias)) : g[0][0] === '.' || !/\d/.test(x.alias))) continue;
    re.lastIndex = x.end;
    const { i: _i, form: _f, ...found } = x;
    if (found.confidence < 0) found.confidence = 0.5;
    out.push(found);
  }
  return out;
}
