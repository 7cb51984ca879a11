import { describe, expect, it } from 'vitest';
import { COLD, createMatcher, match, warmSteps } from '../../src/core/matcher';
import { compileIndex } from '../../src/knowledge/compile';
import { fixtureEntries, fixtureMatcher } from './fixture-index';

const found = (text: string) => match(text, fixtureMatcher).map((m) => [m.alias, m.entityId, m.unknownVersion ?? null]);
const ids = (text: string) => match(text, fixtureMatcher).map((m) => m.entityId);

describe('matcher', () => {
  it('takes the longest match as one mention', () => {
    expect(found('We compared Claude Opus 4.6 with GPT-5.4 mini today.')).toEqual([
      ['Claude Opus 4.6', 'anthropic/claude-opus-4-6', null],
      ['GPT-5.4 mini', 'openai/gpt-5.4-mini', null],
    ]);
    expect(found('Meta-Llama-3.1-405B-Instruct runs')).toEqual([['Meta-Llama-3.1-405B-Instruct', 'meta/llama-3.1-405b', null]]);
  });

  it('respects version boundaries', () => {
    expect(ids('GPT-5.4 is out')).toEqual(['openai/gpt-5.4']);
    // GPT-5.7 is never GPT-5: it is the family with an unknown version
    expect(found('GPT-5.7 rumours')).toEqual([['GPT-5.7', 'openai/gpt', '5.7']]);
    // Opus 4.65 is not Opus 4.6
    expect(ids('Opus 4.65 scores')).not.toContain('anthropic/claude-opus-4-6');
    expect(found('Claude Opus 4.9 leaked')).toEqual([['Claude Opus 4.9', 'anthropic/claude-opus', '4.9']]);
    expect(ids('GPT-5 and GPT-5.')).toEqual(['openai/gpt-5', 'openai/gpt-5']);
  });

  it('reads API ids with and without a date suffix', () => {
    expect(found('model: "claude-opus-4-6"')).toEqual([['claude-opus-4-6', 'anthropic/claude-opus-4-6', null]]);
    expect(found('use claude-opus-4-6-20260205 here')).toEqual([['claude-opus-4-6-20260205', 'anthropic/claude-opus-4-6', null]]);
    expect(ids('gpt-5.4-mini and gemini-2.5-pro')).toEqual(['openai/gpt-5.4-mini', 'google/gemini-2.5-pro']);
  });

  it('applies case rules per alias', () => {
    expect(ids('we tried o3 yesterday')).toEqual(['openai/o3']);
    expect(ids('lookups are O(1) and O3 is a flag')).toEqual([]);
    expect(ids('compile with -O3 or -o3')).toEqual([]);
    expect(ids('gpt is any case: gpt-5')).toEqual(['openai/gpt', 'openai/gpt-5']);
    // Capitalised ordinary words only as written (or in capitals): "llama" is the animal
    expect(ids('a llama and a capybara')).toEqual([]);
    expect(ids('LLAMA and Llama')).toEqual(['meta/llama', 'meta/llama']);
  });

  it('treats NBSP and Unicode hyphens as their ASCII forms', () => {
    expect(ids('Claude\u00a0Opus\u00a04.6')).toEqual(['anthropic/claude-opus-4-6']);
    expect(ids('GPT\u20115.4 and GPT\u20105.4 and GPT\u20135.4')).toEqual(['openai/gpt-5.4', 'openai/gpt-5.4', 'openai/gpt-5.4']);
  });

  it('keeps offsets in the original text', () => {
    const t = 'x Claude  Opus\n4.6 y';
    const [m] = match(t, fixtureMatcher);
    expect(t.slice(m.start, m.end)).toBe('Claude  Opus\n4.6');
  });

  it('never matches inside words, handles or flags', () => {
    expect(ids('Ollama and LocalLLaMA and @claude-dev and ClaudeBot')).toEqual([]);
    expect(ids('preGPT-5 and xGPT')).toEqual([]);
  });

  it('marks ordinary words as needing context', () => {
    const [c] = match('Capybara', fixtureMatcher);
    expect(c.needsContext).toBe(true);
    const [g] = match('GPT-5', fixtureMatcher);
    expect(g.needsContext).toBe(false);
    // A version form of an ordinary word ("Opus {v}") is a family mention that needs context too.
    const opus = match('Opus 13 in C', fixtureMatcher);
    expect(opus.map((m) => [m.entityId, m.alias, m.unknownVersion, m.needsContext])).toEqual([['anthropic/claude-opus', 'Opus 13', '13', true]]);
  });
});

describe('warming up for the first name', () => {
  it('leaves the first candidate to the caller while cold, and matches as before once warm', () => {
    const m = createMatcher(compileIndex(fixtureEntries));
    expect(match('No model is named in this sentence at all.', m, true)).toEqual([]);
    expect(() => match('We tried GPT-5.4 today.', m, true)).toThrow(COLD);
    // Without deferring, the first name warms the tables on the spot.
    const plain = createMatcher(compileIndex(fixtureEntries));
    const want = match('We tried GPT-5.4 today.', plain).map((x) => x.alias);
    expect(want).toEqual(['GPT-5.4']);
    const steps = warmSteps(m);
    expect(steps.length).toBeGreaterThan(1);
    for (const s of steps) s();
    expect(m.warm).toBe(true);
    expect(match('We tried GPT-5.4 today.', m, true).map((x) => x.alias)).toEqual(want);
  });
});
