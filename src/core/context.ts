/**
 * Disambiguation: ordinary words that are also model names (Claude, Llama, Capybara, Opus …)
 * count as mentions only with AI context. Pure; works on one block of text at a time, plus one
 * bit of page state (does the page name a model unambiguously?).
 *
 * The rule, in order (docs/matching.md):
 * 1. A name that is part of another proper name is not a model: "Claude Monet", "Georges Claude",
 *    "Kimi Räikkönen", "Nova Scotia", "Command & Conquer".
 * 2. The mention stands when its block has AI context: an unambiguous mention, an AI word
 *    (model, LLM, API, benchmark, tokens, prompt …) or an AI vendor's name.
 * 3. Otherwise, with strictness "page" (the default), it stands when the page names a model
 *    unambiguously anywhere (before or after it: see `decide`), unless the block makes it
 *    somebody's name ("a speedrunner named Claude", "Beethoven's Opus 131").
 *    With "block" only rule 2 counts; with "off" every ambiguous mention stands.
 */
import type { Match } from './matcher';

export type Strictness = 'block' | 'page' | 'off';

/** The default: block context, or a page that names a model unambiguously. */
export const DEFAULT_STRICTNESS: Strictness = 'page';

/** Words that tell a block is about AI. Case-sensitive acronyms and vendor names; the rest any case. */
const AI_ACRONYMS = /(?<![\w-])(?:AI|IA|KI|LLMs?|GPTs?|APIs?|SDKs?|GPUs?|RLHF|SOTA|MMLU|SWE-bench|VRAM|RAG|MoE|xAI|Cohere|Zhipu|MiniMax|AI21|Moonshot)(?![\w-])/;
const AI_WORDS =
  /\b(?:models?|modelos?|modèles?|modell|benchmarks?|tokens?|chatbots?|prompts?|prompting|weights|inference|fine-?tun(?:e|ed|ing)|context window|open[- ]weights?|open[- ]source model|agentic|neural|machine learning|artificial intelligence|inteligencia artificial|intelligence artificielle|künstliche intelligenz|multimodal|generative|transformer|reasoning|system card|anthropic|openai|deepmind|hugging ?face|deepseek|nvidia|copilot|chatgpt|vertex|bedrock|ollama|leaderboard|parameters|endpoints?|coding agent|language model)\b/i;

export function hasAiContext(text: string): boolean {
  return AI_ACRONYMS.test(text) || AI_WORDS.test(text);
}

const CAP_WORD = /^[\s\u00a0]*(?:&[\s\u00a0]*)?\p{Lu}[\p{Ll}\p{Lu}]/u;
const PREV_CAP_WORD = /(\p{Lu}\p{Ll}+)[\s\u00a0]+$/u;
const PREV_POSSESSIVE = /(\p{Lu}[\p{L}]+)['’]s[\s\u00a0]+$/u;
const SENTENCE_START = /(?:^|[.!?:;"“(\[]\s*|\n\s*)$/;
/** Capitalised words that may stand before a model's name without making it someone else's name. */
const VENDOR_WORDS =
  /^(?:Anthropic|OpenAI|Google|Meta|Mistral|Microsoft|Amazon|AWS|Alibaba|DeepSeek|Nvidia|NVIDIA|xAI|Cohere|Moonshot|Apple|IBM|Baidu|Tencent|Zhipu|Perplexity|Samsung|Using|Try|Ask|Asked|With|And|Or|But|Than|Like|Via|From|Vs|Versus|New|Old|Open|Latest|Our|Your|The|Today|Introducing|Meet|Run|Running|Use)$/;
/** The block introduces the word as somebody's or something's name, or as one of a kind ("a Gemini"). */
const NAMED_BEFORE = /\b(?:named|called|nicknamed|dubbed|aka|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Saint|St\.|an?)[\s\u00a0]+$/i;
/** "The Bard of Avon": a title, not a model. "Buddy, the office dog": an apposition naming someone. */
const OF_AFTER = /^[\s\u00a0]+(?:of|de|von|du)[\s\u00a0]|^,[\s\u00a0]+(?:the|a|an|my|our|his|her|their)[\s\u00a0]/;

/** Rule 1: is this mention part of a longer proper name that is not a model? */
export function looksLikeOtherName(text: string, m: Match): boolean {
  if (/\d/.test(m.alias)) return false; // "Opus 4.6" is not a person
  if (CAP_WORD.test(text.slice(m.end, m.end + 40))) return true;
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  const prev = PREV_CAP_WORD.exec(before);
  if (prev && !VENDOR_WORDS.test(prev[1])) {
    const beforePrev = before.slice(0, prev.index);
    if (!SENTENCE_START.test(beforePrev)) return true;
  }
  return false;
}

/**
 * Rule 3's exceptions: without AI words around it, "a speedrunner named Claude", "my daughter, a
 * Gemini", "Beethoven's Opus", "the Bard of Avon" and "Buddy, the office dog" are other things'
 * names even on a page about AI ("Google's Gemini" is not).
 */
export function namedOtherwise(text: string, m: Match): boolean {
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  if (NAMED_BEFORE.test(before) || OF_AFTER.test(text.slice(m.end, m.end + 5))) return true;
  const poss = PREV_POSSESSIVE.exec(before);
  return !!poss && !VENDOR_WORDS.test(poss[1]);
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
export function decide(text: string, matches: Match[], strictness: Strictness = DEFAULT_STRICTNESS, pageHasSignal = false): Decision {
  if (strictness === 'off' || !matches.some((m) => m.needsContext)) return { kept: matches, deferred: [] };
  const blockSignal = matches.some((m) => !m.needsContext) || hasAiContext(text);
  const kept: Match[] = [];
  const deferred: Match[] = [];
  for (const m of matches) {
    if (!m.needsContext) kept.push(m);
    else if (looksLikeOtherName(text, m)) continue;
    else if (blockSignal) kept.push(m);
    else if (strictness !== 'page' || namedOtherwise(text, m)) continue;
    else (pageHasSignal ? kept : deferred).push(m);
  }
  return { kept, deferred };
}

/**
 * Keep the matches of one block that stand: unambiguous ones always; ambiguous ones per the rule.
 * `pageHasSignal`: the page has unambiguous mentions elsewhere (used by strictness "page").
 */
export function resolveContext(text: string, matches: Match[], strictness: Strictness = DEFAULT_STRICTNESS, pageHasSignal = false): Match[] {
  return decide(text, matches, strictness, pageHasSignal).kept;
}
