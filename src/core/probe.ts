/**
 * The probe: may a frame's text hold a name at all? A frame's first stage (src/dom/probe-stage.ts)
 * reads its text blocks and asks the background, which answers with the matcher and the context
 * rules of the active index (src/background/probe.ts). Only a frame where a name may stand loads
 * the engine and the index; on most pages none does, and the page pays for reading its text and
 * a message or two.
 *
 * The answer is a superset of what the engine highlights. A block's matches and the rules that
 * read only the block (src/core/context.ts rules 0–3) are decided as the engine decides them;
 * what the background cannot know is assumed in favour of the name:
 * - the page's topic (rule 4) is taken from its title and first heading, as the engine does, but
 *   without asking whether the page speaks of AI;
 * - a name that would wait for an unambiguous mention elsewhere on the page (rule 5) needs none:
 *   that mention's own block says yes;
 * - settings that only drop mentions (kinds, muted terms, a stricter strictness) are not applied;
 *   strictness "off" keeps every match;
 * - hidden text counts.
 */
import { decide, topicOf, type Local, type Strictness } from './context';
import { match, type Matcher } from './matcher';

/**
 * Separates the block texts of one probe message. The background reads each block on its own,
 * so no match spans two blocks and each block ends as a text does.
 */
export const PROBE_SEP = '\u0000';

/**
 * Characters of text per probe message, at most: a long page is asked about in parts, and the
 * first part with a name ends the reading. The first part is small (PROBE_FIRST: the top of the
 * page, where a page about models names one) and each next one four times larger, so a page with
 * names starts its engine soon and a page without costs few messages.
 */
export const PROBE_CHUNK = 1 << 16;
export const PROBE_FIRST = 1 << 12;

/** One probe message's question. */
export interface ProbeQuestion {
  /** Block texts joined by PROBE_SEP. */
  text: string;
  /** The page's title and first heading (src/dom/text-walker.ts pageHeadings). */
  headings: string[];
  strictness: Strictness;
}

/** May a mention stand in any of the blocks (see above)? */
export function mayHoldName(matcher: Matcher, q: ProbeQuestion): boolean {
  let local: Local | undefined;
  for (const block of q.text.split(PROBE_SEP)) {
    const raw = match(block, matcher);
    if (!raw.length) continue;
    if (q.strictness === 'off') return true;
    local ??= { cues: matcher.cues, onTopic: topicOf(matcher, q.headings) };
    if (decide(block, raw, 'page', false, local).kept.length) return true;
  }
  return false;
}
