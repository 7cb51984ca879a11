/**
 * The pure matcher: text in, mentions out. No DOM. The index comes compiled from the build
 * (src/knowledge/compile.ts); creating a matcher only wraps its regular-expression source.
 * One pass of that expression over the text; each hit is then checked against the alias table
 * (case rules) and may grow by a variant tail ("Gemma 3" + " 27B"). Rules: docs/matching.md.
 */
import { END, FLAG_EXACT_CASE, FLAG_NEEDS_CONTEXT, FLAG_PROPER, FLAG_SIZE_FORM, type CompiledIndex } from '../knowledge/compile';
import { caseKey, HYPHENS, MATCH_DATE_SUFFIX_RE, matchCaseKey, matchKey, SPACES } from './normalize';

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
}

export interface Matcher {
  index: CompiledIndex;
  re: RegExp;
}

export function createMatcher(index: CompiledIndex): Matcher {
  return { index, re: new RegExp(index.source, 'gi') };
}

/** A version as it appears in a matchKey ("5.7", "4 6" from "4-6"). */
const VERSION_RE = /^\d{1,2}(?:[. ]\d{1,2})?$/;
/** A parameter count in a matchKey ("20b", "8x7b"). */
const SIZE_KEY_RE = /^(?:\d{1,4}(?:\.\d{1,2})?|\d{1,2}x\d{1,3})b$/;

/**
 * One more part of a name after a match: a separator, then a parameter count ("27B", "8x7B",
 * "A22B", "E4B") or a variant word ("mini", "Pro", "Flash-Lite", "Instruct").
 */
const TAIL_RE = new RegExp(
  `(?:([\\s${SPACES}]+)|[\\-${HYPHENS}])([A-Za-z]+|\\d{1,2}x\\d{1,3}[bB]|[AaEe]?\\d{1,4}(?:\\.\\d{1,2})?[bB])${END}`,
  'y',
);
const SIZE_RE = /\d[bB]$/;
/** Variant words in any case ("GPT-5.4 mini", "Gemini 2.5 flash-lite"). */
const TAIL_ANY = new Set(
  'mini nano turbo instruct exp coder codex vl moe omni highspeed flashx flash lite ultra sonnet opus haiku scout maverick'.split(' '),
);
/**
 * Variant words that are also ordinary words ("GPT-5 plus a retriever"): capitalised, or
 * lowercase only inside an id ("gpt-5-pro").
 */
const TAIL_CAPITALISED = new Set('pro max plus fast air instant preview thinking reasoning vision experimental'.split(' '));

/** An id-style spelling: lowercase, joined by hyphens ("gemini-3.5", "claude-opus-4-9"). */
const ID_STYLE = new RegExp(`^[a-z0-9.]+(?:[\\-${HYPHENS}][a-z0-9.]+)+$`);

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

/** Resolve one regex hit to a match, or null when the case rules reject it. */
function resolve(m: Matcher, text: string, start: number): Hit | null {
  let key = matchKey(text);
  let hit = m.index.keys[key];
  let dated = false;
  if (!hit && MATCH_DATE_SUFFIX_RE.test(key)) {
    hit = m.index.keys[(key = key.replace(MATCH_DATE_SUFFIX_RE, ''))];
    dated = true;
  }
  if (hit) {
    const [i, flags, exact] = hit;
    if (exact !== undefined) {
      let written = matchCaseKey(text);
      if (dated) written = written.replace(MATCH_DATE_SUFFIX_RE, '');
      const ok = flags & FLAG_EXACT_CASE ? written === exact : written === exact || written === exact.toUpperCase();
      if (!ok) return null;
    }
    const needsContext = (flags & FLAG_NEEDS_CONTEXT) !== 0;
    return toHit(m, text, start, i, needsContext, needsContext ? 0.5 : 1);
  }
  // Not an alias: a version form of a family ("GPT-5.7").
  for (const [pre, post, i, flags] of m.index.forms) {
    if (!key.startsWith(pre) || !key.endsWith(post) || key.length < pre.length + post.length) continue;
    const version = key.slice(pre.length, key.length - post.length).trim();
    if (!(flags & FLAG_SIZE_FORM ? SIZE_KEY_RE : VERSION_RE).test(version)) continue;
    // "Opus 13" needs context like "Opus"; the id spelling "opus-4-9" does not.
    const needsContext = (flags & FLAG_NEEDS_CONTEXT) !== 0 && !ID_STYLE.test(text);
    if (needsContext && !/^[A-Z]/.test(text)) return null;
    const unknownVersion = flags & FLAG_SIZE_FORM ? text.slice(-version.length) : version.replace(' ', '.');
    return toHit(m, text, start, i, needsContext, needsContext ? 0.4 : 0.9, unknownVersion);
  }
  return null;
}

/**
 * Grow a hit by variant tails. Parameter counts may follow any name ("Mistral 7B", "gpt-oss-20b");
 * variant words only a name with a number in it ("GPT-5 Pro", not "Claude Pro").
 */
function extend(m: Matcher, text: string, h: Hit): Hit {
  let pos = h.end;
  let numbered = /\d/.test(h.alias);
  let sized = false;
  for (;;) {
    TAIL_RE.lastIndex = pos;
    const t = TAIL_RE.exec(text);
    if (!t) break;
    const word = t[2];
    const spaced = t[1] !== undefined;
    if (SIZE_RE.test(word)) sized = numbered = true;
    else if (!numbered) break;
    else {
      const w = word.toLowerCase();
      const ok =
        TAIL_ANY.has(w) ||
        (TAIL_CAPITALISED.has(w) && (/^[A-Z]/.test(word) || !spaced)) ||
        (w === 'it' && (word === 'IT' || !spaced));
      if (!ok) break;
    }
    pos = TAIL_RE.lastIndex;
  }
  if (pos === h.end) return h;
  const alias = text.slice(h.start, pos);
  const parents = m.index.parents;
  const i = h.form ? h.i : (parents?.[h.i] ?? h.i);
  const variant = caseKey(text.slice(h.end, pos)).replace(/^-/, '');
  return {
    ...h,
    end: pos,
    alias,
    i,
    entityId: m.index.ids[i],
    unknownVersion: h.form ? `${h.unknownVersion} ${variant}` : caseKey(alias),
    // A parameter count makes an ordinary word a model ("Mistral 7B", "Falcon 40B").
    needsContext: sized ? false : h.needsContext,
    confidence: sized ? 0.9 : h.confidence,
  };
}

/** "gpt-oss", "llama-cpp", "claude_dev": a lowercase ordinary word glued into an identifier. */
const GLUED_AFTER = new RegExp(`^[\\-${HYPHENS}_./][A-Za-z0-9]`);

/** All mentions in `text`, left to right, longest first at each position, non-overlapping. */
export function match(text: string, m: Matcher): Match[] {
  const out: Match[] = [];
  const re = m.re;
  re.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = re.exec(text))) {
    const h = resolve(m, r[0], r.index);
    if (!h) continue;
    const x = extend(m, text, h);
    if (x.needsContext && !x.form && !/[A-Z]/.test(x.alias) && GLUED_AFTER.test(text.slice(x.end, x.end + 2))) continue;
    re.lastIndex = x.end;
    const { i: _i, form: _f, ...found } = x;
    out.push(found);
  }
  return out;
}
