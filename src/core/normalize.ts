/**
 * Text normalisation shared by the build-time compiler and the runtime matcher.
 *
 * Two keys:
 * - `aliasKey` (lowercase, ASCII hyphens, single spaces) names an alias for people and for the
 *   knowledge checks: "GPT-5" and "GPT 5" are two aliases an entry may both list.
 * - `matchKey` is what the matcher compares: separators are one thing ("GPT-5.4 mini" =
 *   "gpt 5.4-mini"), and the separator between a letter and a digit is optional ("GPT5" = "GPT-5",
 *   "Llama3.1" = "Llama 3.1"). The compiled regular expression accepts exactly the spellings
 *   whose matchKey is an alias's matchKey.
 */

/** Hyphen-like characters people and CMSs use in model names: U+2010, U+2011, U+2012, U+2013, U+2212. */
export const HYPHENS = '\u2010\u2011\u2012\u2013\u2212';
/** Spaces that are not matched by a plain ' ' in the page but are spaces to a reader. */
export const SPACES = '\u00a0\u2007\u202f';

const HYPHEN_RE = new RegExp(`[${HYPHENS}]`, 'g');
const SPACE_RUN_RE = new RegExp(`[\\s${SPACES}]+`, 'g');

/** Key used to name an alias (knowledge checks, muted terms): lowercase, ASCII hyphens, single spaces. */
export function aliasKey(text: string): string {
  return caseKey(text).toLowerCase();
}

/** Like aliasKey but keeps the case. */
export function caseKey(text: string): string {
  return text.replace(HYPHEN_RE, '-').replace(SPACE_RUN_RE, ' ').trim();
}

/** Any run of spaces and hyphens between two parts of a name. */
const SEPARATOR_RUN_RE = new RegExp(`[\\s${SPACES}${HYPHENS}-]+`, 'g');
/**
 * A separator between a letter and a digit (U+0000 and U+0001 stand for a version and a size slot
 * while forms are compiled).
 * Lookbehind/lookahead so that "a-1-b" keeps its second separator.
 */
const LETTER_DIGIT_SEP_RE = /(?<=\p{L}) (?=[0-9\u0000\u0001])/gu;

/** The matcher's key, keeping case: separators → " ", none between a letter and a digit. */
export function matchCaseKey(text: string): string {
  return text.replace(SEPARATOR_RUN_RE, ' ').trim().replace(LETTER_DIGIT_SEP_RE, '');
}

/** The matcher's key: "GPT‑5.4 Mini", "gpt-5.4-mini" and "GPT5.4 mini" all give "gpt5.4 mini". */
export function matchKey(text: string): string {
  return matchCaseKey(text).toLowerCase();
}

/**
 * A snapshot suffix in a matchKey: "claude-opus-4-6-20260205" → "claude opus4 6 20260205",
 * "gpt-4o-2024-08-06" → "gpt4o 2024 08 06", "DeepSeek-R1-0528" → "deepseek r1 0528", and after a
 * letter without the space ("gpt-5-mini-2025-08-07" → "gpt5 mini2025 08 07").
 */
export const MATCH_DATE_SUFFIX_RE = /(?: |(?<=\p{L}))(?:(?:19|20)\d{6}|(?:19|20)\d\d \d\d \d\d|\d{4})$/u;
