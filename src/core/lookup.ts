/**
 * Looking up a selected string ("Look up ‹selection› in ModelLens"): which entry the reader means.
 * Pure. The selection may be a name the page scan skipped (an ordinary word without AI context,
 * text in an input), carry punctuation around it, or be spelled loosely; the reader asked, so the
 * context rules that keep ordinary words quiet on a page do not apply here.
 */
import { FLAG_NOT_MODEL } from './index-format';
import { match, type Matcher } from './matcher';
import { matchKey } from './normalize';

export interface LookupHit {
  entityId: string;
  /** The entry's name, for the card and menus. */
  name: string;
  /** The selected text that named it. */
  alias: string;
  /** Set when a known family was named with a version the knowledge lacks. */
  unknownVersion?: string;
}

/** Longest selection that is still looked up (a paragraph is not a name). */
export const LOOKUP_MAX = 120;

/** Quotes, brackets and sentence punctuation around a selection; inner punctuation ("GPT-5.4") stays. */
const EDGE_RE = /^[\s"'`“”‘’«»‹›()[\]{}<>.,;:!?*_~|/\\-]+|[\s"'`“”‘’«»‹›()[\]{}<>.,;:!?*_~|/\\-]+$/gu;

/** The selection as a name: whitespace collapsed, punctuation at the edges dropped, possessive "'s" dropped. */
export function cleanSelection(text: string): string {
  let s = text.replace(/\s+/g, ' ').replace(EDGE_RE, '');
  s = s.replace(/['’]s$/u, '').replace(EDGE_RE, '');
  return s;
}

/** A key without any separators or dots: "GPT 5.4" ~ "gpt5-4" ~ "GPT‑5.4". */
const looseKey = (text: string) => matchKey(text).replace(/[\s.\-_/:]+/g, '');

function hitAt(m: Matcher, i: number, alias: string): LookupHit | null {
  const id = m.index.ids[i];
  return id === undefined ? null : { entityId: id, name: m.index.names[i], alias };
}

/** The loose key of every alias and name → entity index, made once per index. */
const looseTables = new WeakMap<Matcher['index'], Map<string, number>>();

function looseTable(m: Matcher): Map<string, number> {
  let t = looseTables.get(m.index);
  if (t) return t;
  t = new Map();
  for (const [key, [i, flags]] of Object.entries(m.index.keys)) if (!(flags & FLAG_NOT_MODEL) && i >= 0 && !t.has(looseKey(key))) t.set(looseKey(key), i);
  m.index.names.forEach((n, i) => t!.set(looseKey(n), i));
  m.index.ids.forEach((id, i) => {
    const k = looseKey(id.split('/').pop() ?? id);
    if (!t!.has(k)) t!.set(k, i);
  });
  looseTables.set(m.index, t);
  return t;
}

/**
 * The best entry for a selected string, or null when the knowledge has none:
 * 1. the whole selection is an alias, a name, or an entry id ("anthropic/claude-opus-4-6");
 * 2. loosely, the whole selection: the same letters and digits as an alias, name or id, without
 *    separators and dots ("gpt 5 4 mini");
 * 3. the matcher finds a name in it (the longest mention; a family with a version it lacks counts).
 */
export function lookupSelection(text: string, m: Matcher): LookupHit | null {
  const s = cleanSelection(text);
  if (!s || s.length > LOOKUP_MAX) return null;
  const whole = m.index.keys[matchKey(s)];
  if (whole && !(whole[1] & FLAG_NOT_MODEL) && whole[0] >= 0) return hitAt(m, whole[0], s);
  const byId = m.index.ids.indexOf(s.toLowerCase());
  if (byId >= 0) return hitAt(m, byId, s);
  const loose = looseTable(m).get(looseKey(s));
  if (loose !== undefined) return hitAt(m, loose, s);
  const found = match(s, m).sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  if (found) {
    const i = m.index.ids.indexOf(found.entityId);
    const hit = i >= 0 ? hitAt(m, i, found.alias) : null;
    if (hit && found.unknownVersion) hit.unknownVersion = found.unknownVersion;
    return hit;
  }
  return null;
}
