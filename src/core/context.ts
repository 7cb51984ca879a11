/**
 * Disambiguation by local evidence: ordinary words that are also model names (Claude, Llama,
 * Capybara, Opus …) count as mentions only with evidence for the AI sense. Pure; works on one block
 * of text at a time, plus what the block cannot tell (`Local`: the lexicons, the page's topic) and
 * one bit of page state (does the page name a model unambiguously?).
 *
 * The rules, in order (docs/matching.md rule 7):
 * 0. Any name before a head noun or a legal form names that thing ("the Llama 3.1 license",
 *    "the Capybara dataset", "Haiku, Inc.").
 * 1. A name that is part of another proper name is not a model: "Claude Monet", "Georges Claude",
 *    "Kimi Räikkönen", "Nova Scotia", "Command & Conquer".
 * 2. The nearest cue decides: a cue of one of the word's declared senses (src/core/senses.ts)
 *    nearer than any AI cue makes it that sense ("Beethoven's Opus 131", "the zoo's Capybara").
 * 3. It stands when its block has an AI cue: a mention that stands, an AI word or vendor.
 * 4. It stands when the page is about its model or family (title or first heading; `onTopic`).
 * 5. Only a word without declared senses may take the page's context (strictness "page"): it
 *    stands when the page names a model unambiguously anywhere (see `decide`), unless the block
 *    makes it somebody's name ("a speedrunner named Claude").
 *    With "block" rule 5 never applies; with "off" every ambiguous mention stands.
 */
import { match, type Match, type Matcher } from './matcher';
import { AI_LEXICONS } from './senses';

export type Strictness = 'block' | 'page' | 'off';

/** The default: block context, or a page that names a model unambiguously. */
export const DEFAULT_STRICTNESS: Strictness = 'page';

/** A whole-word test with a lexicon that may be missing. */
const test = (re: RegExp | undefined, w: string) => !!re && (re.lastIndex = 0, re.test(w));

/** Start and end of every AI cue in the block (the AI lexicons of src/core/senses.ts). */
function aiCues(text: string, cues: Record<string, RegExp> = {}): [number, number][] {
  const out: [number, number][] = [];
  for (const k of AI_LEXICONS) if (cues[k]) for (const c of text.matchAll(cues[k])) out.push([c.index!, c.index! + c[0].length]);
  return out;
}

/** Characters between a mention and the nearest of `cues` (Infinity: none). */
function nearest(cues: [number, number][], m: Match): number {
  let d = Infinity;
  for (const [s, e] of cues) if (s !== m.start || e !== m.end) d = Math.min(d, Math.max(0, s - m.end, m.start - e));
  return d;
}

/** Senses in which a word takes a number: "Opus 34", "Sonnet 18", "Nova 3". */
const NUMBERED = /^(?:music|poetry|astronomy)$/;

/** The name patterns of rules 1 and 3 come with the cues (src/core/senses.ts NAME_PATTERNS). */
const exec = (re: RegExp | undefined, w: string) => re?.exec(w) ?? null;

/** Rule 1: is this mention part of a longer proper name that is not a model? */
export function looksLikeOtherName(text: string, m: Match, cues: Record<string, RegExp> = {}): boolean {
  if (/\d/.test(m.alias)) return false; // "Opus 4.6" is not a person
  const after = text.slice(m.end, m.end + 40);
  // "Claude Monet"; but "Yi APIs", "Gemini API": an AI acronym after the name is no other name.
  if (test(cues.capAfter, after) && !test(cues['ai-acronyms'], after.trim().split(/\s/)[0])) return true;
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  const prev = exec(cues.capBefore, before);
  if (prev && !test(cues.before, prev[1])) {
    const beforePrev = before.slice(0, prev.index);
    // "Yesterday Claude said": a sentence goes on; "Bionic GPT - On-premise …" is a name.
    if (!test(cues.sentence, beforePrev) || !test(cues.goesOn, after)) return true;
  }
  return false;
}

/**
 * Rule 3's exceptions: without AI words around it, "a speedrunner named Claude", "my daughter, a
 * Gemini", "Beethoven's Opus", "the Bard of Avon" and "Buddy, the office dog" are other things'
 * names even on a page about AI ("Google's Gemini" is not).
 */
export function namedOtherwise(text: string, m: Match, cues: Record<string, RegExp> = {}): boolean {
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  if (test(cues.named, before) || test(cues.of, text.slice(m.end, m.end + 5))) return true;
  const poss = exec(cues.possessive, before);
  return !!poss && !test(cues.before, poss[1]);
}

/** What the block cannot tell by itself: the sense lexicons and the page's topic. */
export interface Local {
  /** Cue lexicon per sense and the AI lexicons (Matcher.cues); without them no block has AI context. */
  cues?: Record<string, RegExp>;
  /** The page is about this mention's model or family (its title or first heading names it). */
  onTopic?: (m: Match) => boolean;
}

export interface Decision {
  /** Mentions that stand now. */
  kept: Match[];
  /** Ambiguous mentions that stand as soon as the page names a model unambiguously (strictness "page"). */
  deferred: Match[];
}

/**
 * Decide the matches of one block. `pageHasSignal`: the page has an unambiguous mention (so far).
 * Matches in `deferred` wait for one: the scanner keeps them and adds them when it finds a signal
 * later on the page, so the decision does not depend on scan order.
 */
export function decide(
  text: string,
  matches: Match[],
  strictness: Strictness = DEFAULT_STRICTNESS,
  pageHasSignal = false,
  local: Local = {},
): Decision {
  // A name before a head noun or a legal form names that thing (src/core/senses.ts HEAD_AFTER).
  matches = matches.filter((m) => !test(local.cues?.head, text.slice(m.end, m.end + 30)));
  if (strictness === 'off' || !matches.some((m) => m.needsContext)) return { kept: matches, deferred: [] };
  const ai = aiCues(text, local.cues);
  // Mentions that stand are evidence for their neighbours: unambiguous ones, and the page's topic.
  for (const m of matches) if (!m.needsContext || (local.onTopic?.(m) && !looksLikeOtherName(text, m, local.cues))) ai.push([m.start, m.end]);
  const kept: Match[] = [];
  const deferred: Match[] = [];
  for (const m of matches) {
    if (!m.needsContext) {
      kept.push(m);
      continue;
    }
    if (looksLikeOtherName(text, m, local.cues)) continue;
    const dAi = nearest(ai, m);
    let dOther = Infinity;
    // With a number ("Gemma 4") only senses that number things remain ("Opus 34", "Sonnet 18").
    const senses = /\d/.test(m.alias) ? m.senses?.filter((s) => NUMBERED.test(s)) : m.senses;
    for (const s of senses ?? []) {
      const re = local.cues?.[s];
      if (re) dOther = Math.min(dOther, nearest([...text.matchAll(re)].map((c) => [c.index!, c.index! + c[0].length]), m));
    }
    // The nearest cue decides: "the Capybara dataset", "Beethoven's Opus 131 in C-sharp minor".
    if (dOther < dAi) continue;
    if (dAi < Infinity || local.onTopic?.(m)) kept.push(m);
    // A word with other declared senses needs evidence in its own block; others may take the page's.
    else if (senses?.length || strictness !== 'page' || namedOtherwise(text, m, local.cues)) continue;
    else (pageHasSignal ? kept : deferred).push(m);
  }
  return { kept, deferred };
}

/**
 * Keep the matches of one block that stand: unambiguous ones always; ambiguous ones per the rule.
 * `pageHasSignal`: the page has unambiguous mentions elsewhere (used by strictness "page").
 */
export function resolveContext(text: string, matches: Match[], strictness: Strictness = DEFAULT_STRICTNESS, pageHasSignal = false, local: Local = {}): Match[] {
  return decide(text, matches, strictness, pageHasSignal, local).kept;
}

/**
 * The page's topic (rule 4): the models and families that `texts` (its title and first heading)
 * name — "Yi" stands on Yi's README. Undefined when they name none.
 */
export function topicOf(matcher: Matcher, texts: string[]): ((m: Match) => boolean) | undefined {
  const { index } = matcher;
  const family = (id: string) => {
    const i = index.ids.indexOf(id);
    return i < 0 ? id : index.ids[index.parents?.[i] ?? i];
  };
  const topic = new Set<string>();
  for (const t of texts) for (const m of match(t, matcher)) topic.add(family(m.entityId));
  return topic.size ? (m) => topic.has(family(m.entityId)) : undefined;
}
