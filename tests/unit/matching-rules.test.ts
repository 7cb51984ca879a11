/**
 * One test per matching rule of docs/matching.md, on the fixture knowledge (fixture-index.ts).
 * The texts are written for these tests; none comes from an evaluation corpus.
 */
import { describe, expect, it } from 'vitest';
import { decide, resolveContext, type Strictness } from '../../src/core/context';
import { match } from '../../src/core/matcher';
import { matchKey } from '../../src/core/normalize';
import { fixtureIndex, fixtureMatcher } from './fixture-index';

/** [text as written, entity id, unknown version] of each raw match. */
const found = (text: string) => match(text, fixtureMatcher).map((m) => [m.alias, m.entityId, m.unknownVersion ?? null]);
const aliases = (text: string) => match(text, fixtureMatcher).map((m) => m.alias);
/** What stands after the context rule. */
const shown = (text: string, strictness: Strictness = 'page', page = false) =>
  resolveContext(text, match(text, fixtureMatcher), strictness, page, { cues: fixtureMatcher.cues }).map((m) => m.alias);

describe('rule: the longest name is one mention', () => {
  it('takes the full name, not its parts', () => {
    expect(found('The team moved from Claude Opus 4.6 to GPT-5.4 mini last week.')).toEqual([
      ['Claude Opus 4.6', 'anthropic/claude-opus-4-6', null],
      ['GPT-5.4 mini', 'openai/gpt-5.4-mini', null],
    ]);
    expect(aliases('Weights for Llama 3.1 405B are public.')).toEqual(['Llama 3.1 405B']);
  });
  it('prefers a known name to a family with a version of the same length', () => {
    expect(found('Opus 4.6')).toEqual([['Opus 4.6', 'anthropic/claude-opus-4-6', null]]);
  });
});

describe('rule: version boundaries', () => {
  it('never reads a longer version as a shorter one', () => {
    expect(found('Rumours about GPT-5.7 spread.')).toEqual([['GPT-5.7', 'openai/gpt', '5.7']]);
    expect(found('Opus 4.65 is not Opus 4.6')).toEqual([
      ['Opus 4.65', 'anthropic/claude-opus', '4.65'],
      ['Opus 4.6', 'anthropic/claude-opus-4-6', null],
    ]);
  });
  it('gives an unknown version of a known family a family mention that says so', () => {
    expect(found('Claude Opus 4.9 leaked')).toEqual([['Claude Opus 4.9', 'anthropic/claude-opus', '4.9']]);
    expect(found('id claude-opus-4-9 here')).toEqual([['claude-opus-4-9', 'anthropic/claude-opus', '4.9']]);
  });
  it('ends a name at sentence punctuation', () => {
    expect(found('We use GPT-5. Others use GPT-5.4.')).toEqual([
      ['GPT-5', 'openai/gpt-5', null],
      ['GPT-5.4', 'openai/gpt-5.4', null],
    ]);
  });
});

describe('rule: API ids and spellings', () => {
  it('reads API ids with and without a date', () => {
    expect(found('model: "claude-opus-4-6"')).toEqual([['claude-opus-4-6', 'anthropic/claude-opus-4-6', null]]);
    expect(found('pin claude-opus-4-6-20260205 in prod')).toEqual([['claude-opus-4-6-20260205', 'anthropic/claude-opus-4-6', null]]);
    expect(aliases('gpt-5.4-mini, Llama-3.1-405B and qwen3-235b-a22b')).toEqual(['gpt-5.4-mini', 'Llama-3.1-405B', 'qwen3-235b-a22b']);
  });
  it('treats spaces and hyphens between parts as the same, and the one between a letter and a digit as optional', () => {
    expect(found('GPT5.4, GPT 5.4, GPT-5.4 and gpt 5.4').map((f) => f[1])).toEqual(Array(4).fill('openai/gpt-5.4'));
    expect(found('GPT-5.4-mini and GPT 5.4 Mini').map((f) => f[1])).toEqual(['openai/gpt-5.4-mini', 'openai/gpt-5.4-mini']);
    expect(found('Qwen3-235B-A22B')).toEqual([['Qwen3-235B-A22B', 'alibaba/qwen3-235b-a22b', null]]);
    expect(matchKey('Llama-3.1-405B')).toBe(matchKey('Llama 3.1 405B'));
  });
  it('treats NBSP and Unicode hyphens (U+2010, U+2011, en dash, minus) as their ASCII forms', () => {
    expect(found('Claude\u00a0Opus\u00a04.6')).toEqual([['Claude\u00a0Opus\u00a04.6', 'anthropic/claude-opus-4-6', null]]);
    const ids = match('GPT\u20105.4 GPT\u20115.4 GPT\u20135.4 GPT\u22125.4', fixtureMatcher).map((m) => m.entityId);
    expect(ids).toEqual(Array(4).fill('openai/gpt-5.4'));
  });
  it('reads snapshot suffixes: -YYYYMMDD, -YYYY-MM-DD, -MMDD', () => {
    expect(found('gpt-5.4-mini-2026-03-05 and Opus 4.6-0205').map((f) => f[1])).toEqual(['openai/gpt-5.4-mini', 'anthropic/claude-opus-4-6']);
  });
  it('reads a model id that only adds "Instruct"/"IT" without it', () => {
    expect(found('Llama 3.3 70B runs locally')).toEqual([['Llama 3.3 70B', 'meta/llama-3.3-70b-instruct', null]]);
    expect(found('Gemma 4 31B fits one GPU')).toEqual([['Gemma 4 31B', 'google/gemma-4-31b-it', null]]);
    expect(found('Llama-3.3-70B-Instruct')).toEqual([['Llama-3.3-70B-Instruct', 'meta/llama-3.3-70b-instruct', null]]);
  });
  it('keeps offsets in the original text', () => {
    const t = 'x Claude  Opus\n4.6 y';
    const [m] = match(t, fixtureMatcher);
    expect(t.slice(m.start, m.end)).toBe('Claude  Opus\n4.6');
  });
});

describe('rule: case per alias', () => {
  it('matches o3 only lowercase, as a word', () => {
    expect(aliases('we tried o3 yesterday')).toEqual(['o3']);
    expect(aliases('O3 levels; lookups are O(1); gcc -O3 and -o3; foo.o3; @o3')).toEqual([]);
  });
  it('matches "GPT" in any case', () => {
    expect(found('gpt and GPT and Gpt').map((f) => f[1])).toEqual(['openai/gpt', 'openai/gpt', 'openai/gpt']);
  });
  it('matches a capitalised ordinary word as written or in capitals only', () => {
    expect(aliases('a llama, a capybara and a fennec')).toEqual([]);
    expect(aliases('LLAMA and Llama')).toEqual(['LLAMA', 'Llama']);
  });
  it('matches a short camel-case name only as written ("mimo" is a word in Czech)', () => {
    expect(aliases('je to mimo hru')).toEqual([]);
    expect(aliases('Xiaomi MiMo and MIMO')).toEqual(['MiMo', 'MIMO']);
  });
  it('never matches inside words, handles, flags or identifiers', () => {
    expect(aliases('Ollama, LocalLLaMA, @claude-dev, ClaudeBot, preGPT-5, xGPT')).toEqual([]);
    expect(aliases('pip install llama-cpp and claude_tools; mistral.rs')).toEqual([]);
  });
  it('still reads a name joined to an ordinary word by a hyphen', () => {
    expect(aliases('a Claude-powered agent')).toEqual(['Claude']);
  });
});

describe('rule: variants the knowledge lacks', () => {
  it('extends a family version by a parameter count, which also makes it unambiguous', () => {
    const [m] = match('pull Gemma 3 27B tonight', fixtureMatcher);
    expect([m.alias, m.entityId, m.unknownVersion, m.needsContext]).toEqual(['Gemma 3 27B', 'google/gemma', '3 27B', false]);
    expect(found('Mistral 7B and Mistral 8x7B')).toEqual([
      ['Mistral 7B', 'mistral/mistral', 'Mistral 7B'],
      ['Mistral 8x7B', 'mistral/mistral', 'Mistral 8x7B'],
    ]);
    expect(found('gpt-oss-20b fits')).toEqual([['gpt-oss-20b', 'openai/gpt-oss', 'gpt-oss-20b']]);
  });
  it('reads another parameter count of a known model as its family (or the model, without one)', () => {
    expect(found('Mixtral 8x22B is bigger than Mixtral 8x7B')).toEqual([
      ['Mixtral 8x22B', 'mistral/mixtral', '8x22B'],
      ['Mixtral 8x7B', 'mistral/mixtral-8x7b', null],
    ]);
    expect(found('Sarvam 30B')).toEqual([['Sarvam 30B', 'sarvam/sarvam-105b', '30B']]);
  });
  it('extends a known model by a variant word and names its family', () => {
    expect(found('Phi-4-mini if you need speed')).toEqual([['Phi-4-mini', 'microsoft/phi', 'Phi-4-mini']]);
    expect(found('the cheaper Gemini 2.5 Flash-Lite')).toEqual([['Gemini 2.5 Flash-Lite', 'google/gemini', 'Gemini 2.5 Flash-Lite']]);
    expect(found('GPT-5 Pro is')).toEqual([['GPT-5 Pro', 'openai/gpt', 'GPT-5 Pro']]);
    expect(found('Gemini 3.5 Flash today')).toEqual([['Gemini 3.5 Flash', 'google/gemini', '3.5 Flash']]);
  });
  it('does not take ordinary words for variants', () => {
    expect(aliases('GPT-5 plus a retriever')).toEqual(['GPT-5']);
    expect(aliases('GPT-5 thinking about it')).toEqual(['GPT-5']);
    expect(aliases("Gemma 3 27B it's good")).toEqual(['Gemma 3 27B']);
    expect(aliases('gemma-3-27b-it and Gemma 3 27B IT')).toEqual(['gemma-3-27b-it', 'Gemma 3 27B IT']);
    // variant words only follow a name with a number in it
    expect(aliases('Claude Pro subscribers')).toEqual(['Claude']);
  });
});

describe('rule: ambiguous words need AI context', () => {
  it('marks ordinary words as needing context, names with numbers or ids less so', () => {
    expect(match('Capybara', fixtureMatcher)[0].needsContext).toBe(true);
    expect(match('GPT-5', fixtureMatcher)[0].needsContext).toBe(false);
    expect(match('Grok 4', fixtureMatcher)[0].needsContext).toBe(true);
    expect(match('claude-opus-4-9', fixtureMatcher)[0].needsContext).toBe(false);
    // "opus 13" in lower case is not a model at all
    expect(match('opus 13', fixtureMatcher)).toEqual([]);
  });
  it('keeps them with AI words, a vendor or an unambiguous model in the block', () => {
    expect(shown('Capybara is a new model tier.')).toEqual(['Capybara']);
    expect(shown('Anthropic said Mythos is coming.')).toEqual(['Mythos']);
    expect(shown('Mythos beats Claude Opus 4.6.')).toEqual(['Mythos', 'Claude Opus 4.6']);
    expect(shown('Retries on errors from Claude endpoints.')).toEqual(['Claude']);
  });
  it('drops them without context in block or page', () => {
    expect(shown('The Capybara enclosure was busy.')).toEqual([]);
    expect(shown('The park got a new Fennec.')).toEqual([]);
  });
  it('rejects names glued to other proper names, whatever the context', () => {
    expect(shown('Claude Monet painted water lilies; an AI model could not.', 'page', true)).toEqual([]);
    expect(shown('Neon came from Georges Claude; no LLM involved.', 'page', true)).toEqual([]);
    expect(shown('Kimi Räikkönen won; GPT-5 did not.', 'page', true)).toEqual(['GPT-5']);
    expect(shown('The ferry to Nova Scotia.', 'page', true)).toEqual([]);
    expect(shown('Using Claude for coding with the API.')).toEqual(['Claude']);
    expect(shown("Google's Gemini is a model family.")).toEqual(['Gemini']);
  });
  it('with strictness "page", keeps them when the page names a model unambiguously', () => {
    expect(shown('We did not get access to Mythos.', 'page', true)).toEqual(['Mythos']);
    expect(shown('We did not get access to Mythos.', 'page', false)).toEqual([]);
    expect(shown('New provider: Grok 4.', 'page', true)).toEqual(['Grok 4']);
  });
  it('but not names the block gives to something else', () => {
    expect(shown('A speedrunner named Claude set a record.', 'page', true)).toEqual([]);
    expect(shown('My sister, a Gemini, wrote back.', 'page', true)).toEqual([]);
    expect(shown("Then Beethoven's Opus 13 in full.", 'page', true)).toEqual([]);
    expect(shown('The Bard of Avon gets an evening.', 'page', true)).toEqual([]);
    // AI words in the block still decide for the model
    expect(shown('An agent named Claude, a model by Anthropic.', 'page', true)).toEqual(['Claude']);
  });
  it('with strictness "block", needs the context in the block', () => {
    expect(shown('We did not get access to Mythos.', 'block', true)).toEqual([]);
    expect(shown('Mythos is the next model.', 'block', false)).toEqual(['Mythos']);
  });
  it('with strictness "off", keeps every ambiguous mention', () => {
    expect(shown('The Capybara tier.', 'off')).toEqual(['Capybara']);
  });
  it('defers page-level decisions until the page has a signal', () => {
    const text = 'We did not get access to Mythos.';
    const d = decide(text, match(text, fixtureMatcher), 'page', false, { cues: fixtureMatcher.cues });
    expect(d.kept).toEqual([]);
    expect(d.deferred.map((m) => m.alias)).toEqual(['Mythos']);
    expect(decide(text, match(text, fixtureMatcher), 'block', false, { cues: fixtureMatcher.cues }).deferred).toEqual([]);
  });
});

describe('the compiled index', () => {
  it('is one regular expression source with a table, built once', () => {
    expect(typeof fixtureIndex.source).toBe('string');
    expect(() => new RegExp(fixtureIndex.source, 'gi')).not.toThrow();
    expect(fixtureIndex.keys[matchKey('GPT 5.4 mini')]).toBeDefined();
    expect(fixtureIndex.parents?.[fixtureIndex.ids.indexOf('microsoft/phi-4')]).toBe(fixtureIndex.ids.indexOf('microsoft/phi'));
  });
});
