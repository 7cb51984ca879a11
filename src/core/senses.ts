/**
 * The other senses of ambiguous words. An ambiguous alias in the knowledge may declare the senses
 * it also has (`"senses": ["music", "poetry"]` on "Opus"); each sense has a small lexicon of cue
 * words. In a block, the cue nearest to the word decides between the AI sense and the declared
 * ones (src/core/context.ts, docs/matching.md "Senses"). The lexicons are stored in the compiled
 * index (build time), not in the page script.
 */

/** Cue words per sense: whole words, any case, as RegExp alternatives. */
export const SENSE_CUES = {
  finance:
    'exchange|crypto(?:currency|currencies)?|coins?|bitcoin|ethereum|blockchain|wallets?|trading|traders?|stocks?|shares|nasdaq|nyse|etfs?|invest(?:ors?|ment|ing)?|market cap|price target|dividends?',
  software:
    'librar(?:y|ies)|packages?|pip install|npm|pypi|crates?|modules?|plugins?|frameworks?|command[- ]line|cli|terminal|shell|flags?|subcommands?|arguments?|test runner|testing framework|assertions?',
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

/** The RegExp source of each sense's cues (whole words, Unicode letters as boundaries). */
export function cueSources(senses: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of senses)
    if (s in SENSE_CUES) out[s] = `(?<![\\p{L}\\p{N}])(?:${SENSE_CUES[s as Sense]})(?![\\p{L}\\p{N}])`;
  return out;
}
