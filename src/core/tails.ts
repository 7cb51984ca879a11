/**
 * The grammar of name tails: what may follow a known name and still be part of it
 * ("GLM-4-32B-Base-0414", "Yi-34B-Chat-4bits", "GPT-4o 0513", "DeepSeek-R1-Distill-Qwen-32B").
 * One table, read by the matcher (src/core/matcher.ts, `extend`); the rules are in
 * docs/matching.md ("Tails").
 *
 * A tail is a run of tokens after the name. Each token comes after a separator:
 * - joined: one hyphen (or `@` before a date, `_` in quantisation names), no space — the id style;
 * - spaced: whitespace — prose; only the rows marked spaced may follow a space, so ordinary words
 *   after a name stay outside it ("GPT-5 plus a retriever", "Yi-34B chat model").
 */

/**
 * What a tail token says about the name (plain numbers, not an enum: the page script stays small).
 * 1 date: a snapshot (0414, 2507, 20240620, 2024-08-06) — same model.
 * 2 stage: a training stage or release label (Base, Instruct, Chat, IT, Thinking) — same model.
 * 3 format: quantisation or file format (FP8, BF16, AWQ, GPTQ, GGUF, Int4, 4bits, HF) — same weights.
 * 4 size: parameters, active parameters or context length (7B, A3B, 8x7B, 200K, 1M).
 * 5 version: a version label (v0.1, v1.5).
 * 6 variant: a variant or specialty word (mini, Pro, Flash-Lite, Coder, Math, VL).
 * 7 code: a model code after a hyphen (Z1, R1, V3, K2, 4V, 4.1V).
 */
export type Tail = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const DATE = 1;
export const STAGE = 2;
export const QUANT = 3;
export const SIZE = 4;
export const VERSION = 5;
export const VARIANT = 6;
export const CODE = 7;

/**
 * The table: [class, token pattern (whole token, case-insensitive), where it may stand].
 * Where: 0 = joined only; 1 = also spaced; 2 = spaced only when capitalised (or in capitals) —
 * words that are also ordinary English ("Pro", "Plus", "Thinking").
 */
export const TAIL_TABLE: ReadonlyArray<readonly [Tail, string, 0 | 1 | 2]> = [
  [DATE, '(?:19|20)\\d{6}|(?:19|20)\\d\\d-\\d\\d-\\d\\d|\\d{4}', 1],
  [SIZE, '\\d{1,4}(?:\\.\\d{1,2})?[bm]|[ae]\\d{1,3}(?:\\.\\d)?b|\\d{1,2}x\\d{1,3}b|\\d{1,4}k', 1],
  [VERSION, 'v\\d{1,2}(?:\\.\\d{1,2}){0,2}', 1],
  [QUANT, 'fp(?:4|8|16|32)|bf16|int[348]|awq|gptq|gguf|ggml|mlx|onnx|exl2|nf4|q[2-8](?:_k)?(?:_[sml0-9])?|w\\d{1,2}a\\d{1,2}|\\d{1,2}-?bits?', 0],
  [QUANT, 'FP8|BF16|AWQ|GPTQ|GGUF|MLX', 1],
  [QUANT, 'hf', 0],
  [STAGE, 'base|chat|distill|sft|rlhf|dpo|zero|think|terminus|rumination|latest|rc\\d?|beta|alpha|high|low|xhigh|minimal', 0],
  [STAGE, 'instruct|inst', 1],
  [STAGE, 'it', 0],
  [STAGE, 'IT', 1],
  [STAGE, 'thinking|reasoning|preview|instant|experimental', 2],
  [
    VARIANT,
    'mini|nano|turbo|exp|coder|codex|vl|moe|omni|highspeed|flashx|flash|lite|ultra|sonnet|opus|haiku|scout|maverick|math|audio|realtime',
    1,
  ],
  [VARIANT, 'code|embed|embedding|guard|long|large|medium|small|tiny', 0],
  [VARIANT, 'pro|max|plus|fast|air|next|vision', 2],
  [CODE, '[a-z]{1,2}\\d{1,2}(?:\\.\\d)?[a-z]?|\\d{1,2}(?:\\.\\d)?[a-z]{1,2}', 0],
];

/** A token: letters and digits, with inner dots before digits ("v1.5", "4.1V", "1.5B") and `_` in quant names. */
export const TOKEN = '[A-Za-z0-9]+(?:\\.\\d+[A-Za-z]*)*(?:_[A-Za-z0-9]+)*';

/** The joined date "2024-08-06" is one token though it holds hyphens. */
export const LONG_DATE = '(?:19|20)\\d\\d-\\d\\d-\\d\\d';

/** Words after a spaced number that make it a quantity, not a date or a size ("Llama 3 1024 tokens"); in the index's cues. */
export const UNITS = '^[\\s\\u00a0]*(?:tokens?|words?|pixels?|px|steps?|samples?|images?|examples?|lines?|chars?|characters?|%|x\\b|gb\\b|mb\\b)';

/** The table as the build stores it in the index: [class, source, where, case-sensitive]. */
export type TailRows = [Tail, string, 0 | 1 | 2, 0 | 1][];
export const tailRows = (): TailRows => TAIL_TABLE.map(([c, src, w]) => [c, `^(?:${src})$`, w, /[A-Z]/.test(src) ? 1 : 0]);

const compiled = new WeakMap<TailRows, [Tail, RegExp, number][]>();

/**
 * The class of one tail token, or 0 when the grammar does not take it here.
 * `spaced`: it follows whitespace. Dates after a space must be a plausible MMDD or YYMM.
 */
export function tailClass(table: TailRows, token: string, spaced: boolean): Tail | 0 {
  let rows = compiled.get(table);
  if (!rows) compiled.set(table, (rows = table.map(([c, src, w, cs]) => [c, new RegExp(src, cs ? '' : 'i'), w])));
  for (const [cls, re, where] of rows) {
    if (!re.test(token)) continue;
    if (spaced) {
      if (where === 0) continue;
      if (where === 2 && !/^[A-Z]/.test(token)) continue;
      if (cls === DATE && !plausibleDate(token)) continue;
    }
    return cls;
  }
  return 0;
}

/** 0414 (MMDD), 2507 (YYMM), 20240620, 2024-08-06. */
function plausibleDate(t: string): boolean {
  if (t.length !== 4) return true;
  const a = +t.slice(0, 2);
  const b = +t.slice(2);
  return (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (a >= 23 && a <= 35 && b >= 1 && b <= 12);
}

/** Tails that name the same model (a snapshot, a stage, a file format): the entity stays the model. */
export const SAME_MODEL = (c: Tail | 0) => c > 0 && c <= QUANT;

/**
 * The matcher's own patterns, stored in the index as sources (the page script stays small):
 * tail: a separator and one tail token (spaces, or one hyphen, `_` or `@`, the id style);
 * id: an id-style spelling, lowercase joined by hyphens ("gemini-3.5", "claude-opus-4-9");
 * glued: a word glued after a name that the grammar did not take (src/core/matcher.ts);
 * ver: a version in a matchKey ("5.7", "4 6"); size: a parameter count in a matchKey ("20b", "8x7b");
 * date: a snapshot suffix in a matchKey (normalize.ts MATCH_DATE_SUFFIX_RE).
 * Sources and flags.
 */
export const matcherPatterns = (spaces: string, hyphens: string, dateSuffix: string): Record<MatcherPattern, [string, string]> => ({
  tail: [`(?:([\\s${spaces}]+)|[\\-${hyphens}_@])(${LONG_DATE}|${TOKEN})`, 'y'],
  id: [`^[a-z0-9.]+(?:[\\-${hyphens}][a-z0-9.]+)+$`, ''],
  glued: [`^(?:[\\-${hyphens}_]([\\w*])|\\.[A-Za-z]|/[A-Za-z][\\w.]*[\\d-])`, ''],
  ver: ['^\\d{1,2}(?:[. ]\\d{1,2})?$', ''],
  size: ['^(?:\\d{1,4}(?:\\.\\d{1,2})?|\\d{1,2}x\\d{1,3})b$', ''],
  date: [dateSuffix, 'u'],
  /** The last part of a name with the separator before it. */
  lastPart: [`[\\s${spaces}\\-${hyphens}][^\\s${spaces}\\-${hyphens}]*$`, ''],
  /** A lower-case word after a space at the end ("Yi-34B chat"). */
  spacedWord: [`[\\s${spaces}]+([a-z]+)$`, ''],
});
export type MatcherPattern = 'tail' | 'id' | 'glued' | 'ver' | 'size' | 'date' | 'lastPart' | 'spacedWord';
export type MatcherPatterns = Record<MatcherPattern, [string, string]>;
