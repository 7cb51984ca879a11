import { describe, expect, it } from 'vitest';
import { mayHoldName, PROBE_SEP, type ProbeQuestion } from '../../src/core/probe';
import { answerProbe, type BundledIndex } from '../../src/background/probe';
import { compileIndex } from '../../src/knowledge/compile';
import { indexFingerprint } from '../../src/knowledge/fingerprint';
import type { Entry } from '../../src/knowledge/schema';
import { defaultSettings, type Settings } from '../../src/settings/defaults';
import { resolveContext } from '../../src/core/context';
import { match } from '../../src/core/matcher';
import { fixtureEntries, fixtureIndex, fixtureMatcher } from './fixture-index';

const q = (blocks: string[], more: Partial<ProbeQuestion> = {}): ProbeQuestion => ({ text: blocks.join(PROBE_SEP), headings: ['', ''], strictness: 'page', ...more });
const may = (blocks: string[], more: Partial<ProbeQuestion> = {}) => mayHoldName(fixtureMatcher, q(blocks, more));
const bundled: BundledIndex = { ...fixtureIndex, fp: indexFingerprint(fixtureIndex) };

describe('the probe (may a name stand in a frame?)', () => {
  it('says yes where a block holds a name, and no on text without one', () => {
    expect(may(['Late in March the company had a rough week.', 'Readers asked about GPT-5.4 pricing.'])).toBe(true);
    expect(may(['Late in March the company had a rough week.', 'A poem about the sea.', ''])).toBe(false);
    expect(may([''])).toBe(false);
  });

  it('reads each block on its own: no name across two blocks, and a block ends a name as a text does', () => {
    expect(may(['Anthropic trained Myth', 'os in secret'])).toBe(false);
    expect(may(['Anthropic trained Mythos in secret'])).toBe(true);
    expect(may(['Anthropic trained Mythos', 'is what they call it'])).toBe(true);
    expect(may(['Anthropic trained Mythosis'])).toBe(false);
  });

  it('applies the rules a block can decide: an ambiguous word without evidence is no name', () => {
    expect(may(["Beethoven's Opus 131 is a string quartet."])).toBe(false);
    expect(may(['The Capybara dataset is public.'])).toBe(false);
    expect(may(['Anthropic calls its next model Capybara.'])).toBe(true);
    // Strictness "off": every match stands.
    expect(may(["Beethoven's Opus 131 is a string quartet."], { strictness: 'off' })).toBe(true);
  });

  it("takes the page's topic from its title or first heading", () => {
    const text = ['We asked Mythos to write a sonnet.'];
    expect(may(text)).toBe(false);
    expect(may(text, { headings: ['Mythos, reviewed', ''] })).toBe(true);
    expect(may(text, { headings: ['', 'Claude Mythos Preview'] })).toBe(true);
  });

  it('says yes wherever the engine would keep a mention (a superset of the mentions)', () => {
    const blocks = [
      'Anthropic shipped Claude Opus 4.6 and claude-opus-4-6 is its API id.',
      'OpenAI answered with GPT-5.4 mini; o3 stays.',
      'Google: Gemini 2.5 Pro and gemma-4-31b-it.',
      'Meta-Llama-3.1-405B-Instruct is large.',
      'Anthropic said Capybara is coming.',
    ];
    for (const b of blocks) {
      expect(resolveContext(b, match(b, fixtureMatcher), 'block', false, { cues: fixtureMatcher.cues }).length, b).toBeGreaterThan(0);
      expect(may([b]), b).toBe(true);
    }
  });
});

describe("the background's answer", () => {
  const setup = (extra: Partial<Settings> = {}, stored: { base: string; index: ReturnType<typeof compileIndex> } | null = null) => ({
    settings: { ...defaultSettings(), ...extra },
    stored,
  });
  const ask = (host: string, text: string) => ({ type: 'probe' as const, host, text, headings: ['', ''] });

  it('is no on a site that is switched off, whatever the text', () => {
    expect(answerProbe(bundled, setup(), ask('news.example', 'GPT-5.4 is out'))).toBe(true);
    expect(answerProbe(bundled, setup({ deny: ['news.example'] }), ask('news.example', 'GPT-5.4 is out'))).toBe(false);
    expect(answerProbe(bundled, setup({ siteMode: 'allowlist', allow: ['other.example'] }), ask('news.example', 'GPT-5.4 is out'))).toBe(false);
  });

  it('follows the strictness setting', () => {
    const rodent = ask('music.example', "Beethoven's Opus 131 is a string quartet.");
    expect(answerProbe(bundled, setup(), rodent)).toBe(false);
    expect(answerProbe(bundled, setup({ strictness: 'off' }), rodent)).toBe(true);
  });

  it("uses the stored merged index (the user's entries, a knowledge pack) when it was built on this bundled index", () => {
    const mine: Entry = { ...fixtureEntries[0], id: 'me/zephyrine', name: 'Zephyrine', aliases: ['Zephyrine'], kind: 'model' };
    const merged = compileIndex([...fixtureEntries, mine]);
    const text = ask('a.example', 'We tested Zephyrine today');
    expect(answerProbe(bundled, setup(), text)).toBe(false);
    expect(answerProbe(bundled, setup({}, { base: bundled.fp, index: merged }), text)).toBe(true);
    // Built on another bundled index (before an update's rebuild): the bundled one counts.
    expect(answerProbe(bundled, setup({}, { base: 'other:1', index: merged }), text)).toBe(false);
  });
});
