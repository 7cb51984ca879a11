/**
 * The pure matcher: text in, mentions out. No DOM. The index comes compiled from the build
 * (src/knowledge/compile.ts); creating a matcher only wraps its regular-expression source.
 */
import { FLAG_EXACT_CASE, FLAG_NEEDS_CONTEXT, FLAG_PROPER, type CompiledIndex } from '../knowledge/compile';
import { aliasKey, caseKey, DATE_SUFFIX_RE } from './normalize';

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

const VERSION_RE = /^\d{1,2}(?:[.-]\d{1,2})?$/;

/** Resolve one regex hit to a match, or null when the case rules reject it. */
function resolve(m: Matcher, text: string, start: number): Match | null {
  let key = aliasKey(text);
  let hit = m.index.keys[key];
  if (!hit && DATE_SUFFIX_RE.test(key)) hit = m.index.keys[(key = key.replace(DATE_SUFFIX_RE, ''))];
  if (hit) {
    const [i, flags, exact] = hit;
    if (exact !== undefined) {
      const written = caseKey(text).replace(DATE_SUFFIX_RE, '');
      const ok = flags & FLAG_EXACT_CASE ? written === exact : written === exact || written === exact.toUpperCase();
      if (!ok) return null;
    }
    const needsContext = (flags & FLAG_NEEDS_CONTEXT) !== 0;
    return { start, end: start + text.length, entityId: m.index.ids[i], alias: text, confidence: needsContext ? 0.5 : 1, needsContext };
  }
  // Not an alias: a version form of a family ("GPT-5.7").
  for (const [pre, post, i, flags] of m.index.forms) {
    if (!key.startsWith(pre) || !key.endsWith(post) || key.length < pre.length + post.length) continue;
    const version = key.slice(pre.length, key.length - post.length).trim();
    if (!VERSION_RE.test(version)) continue;
    const needsContext = (flags & FLAG_NEEDS_CONTEXT) !== 0;
    if (needsContext && !/^[A-Z]/.test(text)) return null;
    return {
      start,
      end: start + text.length,
      entityId: m.index.ids[i],
      alias: text,
      confidence: needsContext ? 0.4 : 0.9,
      needsContext,
      unknownVersion: version,
    };
  }
  return null;
}

/** All mentions in `text`, left to right, longest first at each position, non-overlapping. */
export function match(text: string, m: Matcher): Match[] {
  const out: Match[] = [];
  const re = m.re;
  re.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = re.exec(text))) {
    const found = resolve(m, r[0], r.index);
    if (found) out.push(found);
  }
  return out;
}
