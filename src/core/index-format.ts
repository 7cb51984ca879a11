/**
 * The compiled alias index: its data format (the CompiledIndex type, the flag bits of each alias)
 * and the terminators its expression ends with. Written by the build-time compiler
 * (src/knowledge/compile.ts) and read by the pure matcher (src/core/matcher.ts).
 */
import { HYPHENS } from './normalize';
import type { MatcherPatterns, TailRows } from './tails';

/**
 * One group of the split expression: its key (literal characters, as the "i" flag compares them:
 * alias-search's canonical), whether an alias ends with the key (1) or not (0), the words its
 * aliases start with (HEAD_CHARS runs, canonical, joined by "|"; "" when the key is not such a
 * word), then where each of its alternatives
 * is in `source` (start, end, start, end…). Its expression: key, then the alternatives as an
 * optional group when an alias ends there.
 */
export type CompiledGroup = [string, number, string, ...number[]];

/** Flag bits stored with each alias. */
export const FLAG_EXACT_CASE = 1;
export const FLAG_NEEDS_CONTEXT = 2;
/** Capitalised ordinary word ("Llama"): only as written or in capitals, never "llama". */
export const FLAG_PROPER = 4;
/** A form whose slot is a parameter count, not a version ("gpt-oss-20b" next to "gpt-oss-120b"). */
export const FLAG_SIZE_FORM = 8;
/** A known non-model name (src/knowledge/non-model-names.json): read whole, never a mention. Entity -1. */
export const FLAG_NOT_MODEL = 16;

export interface CompiledIndex {
  /** Format version: a stored merged index of another version is not used (fingerprint.ts). */
  v: 2;
  /** RegExp source (flags "gi"), alternation of all aliases as a trie, with boundaries. */
  source: string;
  /**
   * The expression split into small groups compiled on first use (src/core/alias-search.ts; built by
   * src/knowledge/compile.ts). Absent: `source` is used whole.
   */
  split?: {
    /** START and a look-ahead whose first capture is the key of the group that may match there (flags "gi"). */
    finder: string;
    groups: CompiledGroup[];
    /** Where DATE and END, which follow every group, start in `source`. */
    tail: number;
  };
  ids: string[];
  names: string[];
  vendors: string[];
  kinds: string[];
  /** matchKey → [entity index, flags, exact text (case-sensitive aliases only, as matchCaseKey)] */
  keys: Record<string, [number, number] | [number, number, string]>;
  /** Version forms: [prefix matchKey, suffix matchKey, family entity index, flags (FLAG_SIZE_FORM: the slot is a parameter count)]. */
  forms: [string, string, number, number][];
  /**
   * Family of each entity (its own index when it has none): a known model written with a variant
   * the knowledge lacks ("Phi-4-mini" next to "Phi-4") is a mention of the family.
   */
  parents?: number[];
  /** The tail grammar (src/core/tails.ts), as data so the page script stays small. */
  tails?: TailRows;
  /** matchKey of an ambiguous alias → the other senses it has ("music", "poetry"; src/core/senses.ts). */
  senses?: Record<string, string[]>;
  /** The AI lexicons and the cue lexicon of each sense some alias declares: [RegExp source, flags]. */
  cues?: Record<string, [string, string]>;
  /** Text that is not prose, where no name is read (src/core/senses.ts NON_PROSE); flags "gi". */
  nonProse?: string;
  /** The matcher's own patterns (src/core/tails.ts matcherPatterns), as sources. */
  rx: MatcherPatterns;
}

/** Letters that continue a word: a name ends where none follows. */
export const WORD_CHARS = 'A-Za-z0-9_\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
/** The letters among WORD_CHARS: a word of them in a text is read whole (alias-search heads). */
export const HEAD_CHARS = 'A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
/** Every hyphen-like character, for a character class. */
export const HYPH = `\\-${HYPHENS}`;
/** A parameter count ("27b", "8x7B") ahead, for END. */
const SIZE_AHEAD = `(?:\\d{1,4}(?:\\.\\d{1,2})?|\\d{1,2}x\\d{1,3})[bB](?![${WORD_CHARS}])`;
/** A tail that starts with a digit but is no version: "-4bits", "-200K", "-1M" (src/core/tails.ts). */
const TAIL_AHEAD = `\\d{1,4}(?:bits?|[kKmM])(?![${WORD_CHARS}])`;
/**
 * Not followed by more word, nor by a version continuation after a number (".7", "-5"; but
 * "gemma-3-27b" may go on with its parameter count, "gpt-oss-20b" after a word), nor by "bit"
 * after a number ("Yi 4-bit models" is not "Yi 4"). `_` ends a name only before a parameter count
 * ("Yi_34B", "llama3_70B").
 */
export const END = `(?![${WORD_CHARS.replace('_', '')}]|_(?!${SIZE_AHEAD})|(?<=[0-9])(?:\\.[0-9]|[${HYPH}_](?!${SIZE_AHEAD}|${TAIL_AHEAD})[0-9]|[\\s${HYPH}]?bits?\\b))`;
