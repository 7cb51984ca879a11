/**
 * Text normalisation shared by the build-time compiler and the runtime matcher.
 * Every replacement is one UTF-16 unit for one, so offsets in normalised text are offsets in the
 * original text.
 */

/** Hyphen-like characters people and CMSs use in model names: U+2010, U+2011, U+2012, U+2013, U+2212. */
export const HYPHENS = '\u2010\u2011\u2012\u2013\u2212';
/** Spaces that are not matched by a plain ' ' in the page but are spaces to a reader. */
export const SPACES = '\u00a0\u2007\u202f';

const HYPHEN_RE = new RegExp(`[${HYPHENS}]`, 'g');
const SPACE_RUN_RE = new RegExp(`[\\s${SPACES}]+`, 'g');

/** Key used to look a matched string up in the alias table: lowercase, ASCII hyphens, single spaces. */
export function aliasKey(text: string): string {
  return caseKey(text).toLowerCase();
}

/** Like aliasKey but keeps the case, for aliases whose case matters ("o3"). */
export function caseKey(text: string): string {
  return text.replace(HYPHEN_RE, '-').replace(SPACE_RUN_RE, ' ').trim();
}

/** A trailing API date suffix, e.g. -20260205 (YYYYMMDD). */
export const DATE_SUFFIX_RE = /-(?:19|20)\d{6}$/;
