/**
 * Disambiguation: ordinary words that are also model names (Claude, Llama, Capybara, Opus …)
 * count as mentions only with AI context. Pure; works on one block of text at a time.
 *
 * The rule, in order:
 * 1. A name glued to another capitalised name is a person or place: "Claude Monet",
 *    "Georges Claude", "Kimi Räikkönen", "Nova Scotia", "Command & Conquer".
 * 2. Otherwise the mention stands when the same block has AI context: an unambiguous mention,
 *    an AI word (model, LLM, API, benchmark, tokens, prompt …) or an AI vendor's name.
 * 3. With strictness "page" a page that has unambiguous mentions is context for every block;
 *    with "off" every ambiguous mention stands.
 */
import type { Match } from './matcher';

export type Strictness = 'block' | 'page' | 'off';

/** Words that tell a block is about AI. Case-sensitive acronyms; the rest any case. */
const AI_ACRONYMS = /(?<![\w-])(?:AI|IA|KI|LLMs?|GPTs?|APIs?|SDKs?|GPUs?|RLHF|SOTA|MMLU|SWE-bench)(?![\w-])/;
const AI_WORDS =
  /\b(?:models?|modelos?|modèles?|modell|benchmarks?|tokens?|chatbots?|prompts?|prompting|weights|inference|fine-?tun(?:e|ed|ing)|context window|open[- ]weights?|open[- ]source model|agentic|neural|machine learning|artificial intelligence|inteligencia artificial|intelligence artificielle|künstliche intelligenz|multimodal|generative|transformer|reasoning|system card|anthropic|openai|deepmind|hugging ?face|deepseek|nvidia|copilot|chatgpt|vertex|bedrock|ollama|leaderboard|parameters)\b/i;

export function hasAiContext(text: string): boolean {
  return AI_ACRONYMS.test(text) || AI_WORDS.test(text);
}

const CAP_WORD = /^[\s\u00a0]*(?:&[\s\u00a0]*)?\p{Lu}[\p{Ll}\p{Lu}]/u;
const PREV_CAP_WORD = /(\p{Lu}\p{Ll}+)[\s\u00a0]+$/u;
const SENTENCE_START = /(?:^|[.!?:;"“(\[]\s*|\n\s*)$/;
const VENDOR_WORDS = /^(?:Anthropic|OpenAI|Google|Meta|Mistral|Microsoft|Amazon|Alibaba|DeepSeek|Nvidia|NVIDIA|xAI|Cohere|Moonshot|Using|Try|Ask|Asked|With|And|Or|But|Than|Like|Via|From|Vs|Versus|New|Old)$/;

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
 * Keep the matches of one block that stand: unambiguous ones always; ambiguous ones per the rule.
 * `pageHasSignal`: the page has unambiguous mentions elsewhere (used by strictness "page").
 */
export function resolveContext(text: string, matches: Match[], strictness: Strictness = 'block', pageHasSignal = false): Match[] {
  if (!matches.some((m) => m.needsContext)) return matches;
  if (strictness === 'off') return matches;
  const blockSignal = matches.some((m) => !m.needsContext) || hasAiContext(text);
  const ok = blockSignal || (strictness === 'page' && pageHasSignal);
  return matches.filter((m) => !m.needsContext || (ok && !looksLikeOtherName(text, m)));
}
