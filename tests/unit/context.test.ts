import { describe, expect, it } from 'vitest';
import { resolveContext } from '../../src/core/context';
import { match } from '../../src/core/matcher';
import { fixtureMatcher } from './fixture-index';

const kept = (text: string, strictness: 'block' | 'page' | 'off' = 'block', page = false) =>
  resolveContext(text, match(text, fixtureMatcher), strictness, page, { cues: fixtureMatcher.cues }).map((m) => m.alias);

describe('context rule for ordinary words', () => {
  it('drops ambiguous names without AI context', () => {
    expect(kept('The Capybara enclosure was busy.')).toEqual([]);
    expect(kept('My daughter, a Gemini, wrote a poem.')).toEqual([]);
  });
  it('keeps them with an AI word, a vendor or another model in the block', () => {
    expect(kept('Capybara is a new model tier.')).toEqual(['Capybara']);
    expect(kept('Anthropic said Mythos is coming.')).toEqual(['Mythos']);
    expect(kept('Mythos beats Claude Opus 4.6.')).toEqual(['Mythos', 'Claude Opus 4.6']);
  });
  it('rejects names glued to other proper names', () => {
    expect(kept('Claude Monet painted water lilies; an AI model could not.')).toEqual([]);
    expect(kept('Neon lamps came from Georges Claude; no LLM involved.')).toEqual([]);
    expect(kept('Using Claude for coding with the API.')).toEqual(['Claude']);
  });
  it('is tunable', () => {
    expect(kept('The Fennec tier.', 'page', true)).toEqual(['Fennec']);
    expect(kept('The Fennec tier.', 'page', false)).toEqual([]);
    expect(kept('The Fennec tier.', 'off')).toEqual(['Fennec']);
  });
});
