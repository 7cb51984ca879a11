/**
 * The other senses of ambiguous words. An ambiguous alias in the knowledge may declare the senses
 * it also has (`"senses": ["music", "poetry"]` on "Opus"); each sense has a small lexicon of cue
 * words. In a block, the cue nearest to the word decides between the AI sense and the declared
 * ones (src/core/context.ts, docs/matching.md "Senses"). The lexicons are stored in the compiled
 * index (build time), not in the page script.
 */
import { UNITS } from './tails';

/**
 * The AI sense: words that tell a block is about AI. Acronyms and vendor names as written; words in
 * English, German, French and Spanish in any case; Chinese words (no word boundaries in CJK text).
 */
export const AI_CUES: Record<(typeof AI_LEXICONS)[number], [string, string]> = {
  'ai-acronyms': [
    '(?<![\\w-])(?:AI|IA|KI|LLMs?|GPTs?|APIs?|SDKs?|GPUs?|RLHF|SOTA|MMLU|SWE-bench|VRAM|RAG|MoE|xAI|Cohere|Zhipu|MiniMax|AI21|Moonshot)(?![\\w-])',
    'g',
  ],
  ai: [
    '\\b(?:models?|modelos?|modèles?|modell(?:e|en)?|(?:sprach|ki-|basis)modell(?:e|en)?|codenamen?|benchmarks?|tokens?|chatbots?|prompts?|prompting|weights|inference|fine-?tun(?:e|ed|ing)|context window|open[- ]weights?|open[- ]source model|agentic|neural|machine learning|artificial intelligence|inteligencia artificial|intelligence artificielle|künstliche intelligenz|multimodal|generative|generativa|générative|transformer|reasoning|system card|anthropic|openai|deepmind|hugging ?face|deepseek|nvidia|copilot|chatgpt|vertex|bedrock|ollama|leaderboard|parameters|parámetros|paramètres|endpoints?|coding agent|language model|code ?names?|nombres? en clave|noms? de code|quantiz(?:ed|ation)|checkpoints?)\\b',
    'gi',
  ],
  'ai-zh': ['模型|人工智能|智能体|推理|微调|量化|训练|部署|开源|显存', 'g'],
};
export const AI_LEXICONS = ['ai-acronyms', 'ai', 'ai-zh'] as const;

/**
 * Capitalised words that may stand before a model's name without making it someone else's name
 * ("Anthropic Claude", "Using Claude"; src/core/context.ts rule 1).
 */
/**
 * A name that modifies another noun is that thing's name: "the Llama 3.1 license", "the Capybara
 * dataset"; before a legal form it is a company's: "Haiku, Inc." (src/core/context.ts).
 */
export const HEAD_AFTER = '^(?:[\\s\\u00a0-]+(?:community[\\s\\u00a0]+)?(?:licen[cs]es?|data ?sets?|corpus)\\b|,?[\\s\\u00a0]+(?:Inc|Ltd|LLC|GmbH|Corp|Corporation)\\b)';
/** The block introduces the word as somebody's or something's name, or as one of a kind ("a Gemini"). */
export const NAMED_BEFORE = '\\b(?:named|called|nicknamed|dubbed|aka|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?|Saint|St\\.|an?)[\\s\\u00a0]+$';
/** "The Bard of Avon": a title, not a model. "Buddy, the office dog": an apposition naming someone. */
export const OF_AFTER = '^[\\s\\u00a0]+(?:of|de|von|du)[\\s\\u00a0]|^,[\\s\\u00a0]+(?:the|a|an|my|our|his|her|their)[\\s\\u00a0]';

export const BEFORE_NAME = '^(?:Anthropic|OpenAI|Google|Meta|Mistral|Microsoft|Amazon|AWS|Alibaba|DeepSeek|Nvidia|NVIDIA|xAI|Cohere|Moonshot|Apple|IBM|Baidu|Tencent|Zhipu|Perplexity|Samsung|Using|Try|Ask|Asked|With|And|Or|But|Than|Like|Via|From|Vs|Versus|New|Old|Open|Latest|Our|Your|The|Today|Introducing|Meet|Run|Running|Use)$';

/**
 * Name patterns of the context rules (src/core/context.ts): a capitalised word after the name
 * ("Claude Monet"), one before it ("Bionic GPT"), where a sentence starts, prose going on after
 * the name, a possessive before it ("Beethoven's Opus").
 */
export const NAME_PATTERNS: Record<string, [string, string]> = {
  capAfter: ['^[\\s\\u00a0]*(?:&[\\s\\u00a0]*)?\\p{Lu}[\\p{Ll}\\p{Lu}]', 'u'],
  capBefore: ['(\\p{Lu}\\p{Ll}+)[\\s\\u00a0]+$', 'u'],
  sentence: ['(?:^|[.!?:;"“(\\[\\p{So}\\uFE0F]\\s*|\\n\\s*)$', 'u'],
  goesOn: ['^(?:[\\s\\u00a0]+\\p{Ll}|[,;:.!?)]|$)', 'u'],
  possessive: ["(\\p{Lu}[\\p{L}]+)['’]s[\\s\\u00a0]+$", 'u'],
};

/** Cue words per sense: whole words, any case, as RegExp alternatives. */
export const SENSE_CUES = {
  finance:
    'exchange|crypto(?:currency|currencies)?|coins?|bitcoin|ethereum|blockchain|wallets?|trading|traders?|stocks?|shares|nasdaq|nyse|etfs?|invest(?:ors?|ment|ing)?|market cap|price target|dividends?',
  software:
    'librar(?:y|ies)|packages?|pip install|npm|pypi|crates?|modules?|plugins?|frameworks?|command[- ]line|cli|terminal|shell|flags?|subcommands?|arguments?|test runner|testing framework|assertions?|codecs?|encoders?|decoders?|operating system|web framework',
  data: 'data ?sets?|corpus|corpora|dataset card',
  people:
    'mr|mrs|ms|dr|named|called|nicknamed|colleagues?|friends?|wife|husband|daughters?|sons?|mother|father|sisters?|brothers?|born|painter|singer|actor|actress|players?|drivers?|mayor|born|teammates?|girlfriend|boyfriend|uncle|aunt|grandma|grandpa',
  animals:
    'zoos?|animals?|wildlife|species|herds?|fur|wool|pets?|farms?|rodents?|birds?|whales?|dolphins?|habitat|safari|grazing|grass|enclosure|mammals?|predators?|prey|wings?|feathers?|pups?|calf|calves',
  music:
    'symphon(?:y|ies)|concertos?|sonatas?|quartets?|orchestras?|composers?|composed|beethoven|mozart|bach|brahms|chopin|schubert|piano|violin|cello|concerts?|premiered?|albums?|songs?|bands?|opera|recital|catalogue|movements?',
  poetry:
    'poems?|poets?|poetry|verses?|stanzas?|shakespeare|syllables?|rhymes?|odes?|literature|lines of|quatrains?|couplets?|petrarch|basho|literary',
  astronomy:
    'stars?|constellations?|zodiac|horoscopes?|astrology|astrologers?|planets?|telescopes?|galax(?:y|ies)|supernovae?|orbit(?:s|al)?|nasa|spacecraft|astronauts?|moon|sun sign|capsule|apollo|mercury program',
  licence: 'licen[cs]es?|licensed|licensing|gpl|terms of use|acceptable use policy|copyright',
} as const;

export type Sense = keyof typeof SENSE_CUES;
export const SENSES = Object.keys(SENSE_CUES) as Sense[];

/** The AI lexicons and the cues of each sense named: [RegExp source, flags]. */
export function cueSources(senses: Iterable<string>): Record<string, [string, string]> {
  const out: Record<string, [string, string]> = { ...AI_CUES, ...NAME_PATTERNS, before: [BEFORE_NAME, ''], units: [UNITS, 'i'], head: [HEAD_AFTER, 'i'], named: [NAMED_BEFORE, 'i'], of: [OF_AFTER, ''] };
  for (const s of senses)
    if (s in SENSE_CUES) out[s] = [`(?<![\\p{L}\\p{N}])(?:${SENSE_CUES[s as Sense]})(?![\\p{L}\\p{N}])`, 'giu'];
  return out;
}

/**
 * Text that is not prose: URLs written out, e-mail addresses, domains ("chat.deepseek.com"), the
 * value of a command-line option ("--model-path lmsys/vicuna-7b-v1.5"). A name starting inside one
 * is not a mention (src/core/matcher.ts).
 */
export const NON_PROSE =
  '(?<![\\w-])--[a-z][\\w-]*(?:=|[ \\t]+)[^\\s<>"]+|(?:https?://|www\\.)[^\\s<>"]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|(?<![\\w./-])(?:[\\w-]+\\.)+(?:com|org|net|ai|io|cn|dev|co|app|so|sh|info|edu|gov|uk|de|fr|jp)(?![\\w-])(?:/\\S*)?';
