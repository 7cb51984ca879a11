/** Looking up a selected string (context menu "Look up ‹selection› in ModelLens"). */
import { describe, expect, it } from 'vitest';
import { cleanSelection, LOOKUP_MAX, lookupSelection } from '../../src/core/lookup';
import { fixtureMatcher } from './fixture-index';

const id = (text: string) => lookupSelection(text, fixtureMatcher)?.entityId ?? null;

describe('lookupSelection', () => {
  it('finds an exact name and says which entry it is', () => {
    expect(lookupSelection('Claude Opus 4.6', fixtureMatcher)).toEqual({ entityId: 'anthropic/claude-opus-4-6', name: 'Claude Opus 4.6', alias: 'Claude Opus 4.6' });
    expect(id('GPT-5.4 mini')).toBe('openai/gpt-5.4-mini');
  });

  it('finds an API id and an entry id', () => {
    expect(id('claude-opus-4-6')).toBe('anthropic/claude-opus-4-6');
    expect(id('anthropic/claude-opus-4-6')).toBe('anthropic/claude-opus-4-6');
  });

  it('reads an ordinary word the page scan needs context for: the reader asked', () => {
    expect(id('Mythos')).toBe('anthropic/mythos');
    expect(id('capybara')).toBe('anthropic/capybara');
  });

  it('drops quotes, brackets and sentence punctuation around the selection', () => {
    expect(id('“Claude Opus 4.6”,')).toBe('anthropic/claude-opus-4-6');
    expect(id('(GPT-5.4).')).toBe('openai/gpt-5.4');
    expect(id("Mythos's")).toBe('anthropic/mythos');
    expect(cleanSelection('  «GPT‑5.4»!\n')).toBe('GPT‑5.4');
  });

  it('finds the longest name inside a phrase', () => {
    expect(id('the new GPT-5.4 mini model')).toBe('openai/gpt-5.4-mini');
  });

  it('falls back to a loose spelling without separators', () => {
    expect(id('claudeopus4.6')).toBe('anthropic/claude-opus-4-6');
    expect(id('gpt 5 4 mini')).toBe('openai/gpt-5.4-mini');
  });

  it('a version the knowledge lacks gets the family and says so', () => {
    const hit = lookupSelection('GPT-5.9', fixtureMatcher);
    expect(hit?.entityId).toBe('openai/gpt');
    expect(hit?.unknownVersion).toBe('5.9');
  });

  it('unknown text, empty text and whole paragraphs find nothing', () => {
    expect(id('Frobnicator 9000')).toBeNull();
    expect(id('  ...  ')).toBeNull();
    expect(id('GPT-5.4 ' + 'x'.repeat(LOOKUP_MAX))).toBeNull();
  });
});
