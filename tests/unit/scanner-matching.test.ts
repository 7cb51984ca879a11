// @vitest-environment happy-dom
/**
 * The context rule across a page: an ambiguous name that comes before the page's first
 * unambiguous mention waits for it (strictness "page"), so the result does not depend on the
 * order the scanner reads the page in. Names split across inline elements are one mention.
 */
import { describe, expect, it } from 'vitest';
import type { Strictness } from '../../src/core/context';
import type { Highlighter } from '../../src/dom/highlighter';
import { Scanner } from '../../src/dom/scanner';
import { fixtureMatcher } from './fixture-index';

const noPaint: Highlighter = { add() {}, remove() {}, setActive() {}, clear() {}, count: 0 };

async function scan(html: string, strictness?: Strictness): Promise<string[]> {
  document.body.innerHTML = html;
  const s = new Scanner(document, fixtureMatcher, noPaint, strictness ? { strictness } : {});
  await s.scan(document.body, false);
  return [...s.mentions()]
    .sort((a, b) => a.ranges[0].compareBoundaryPoints(Range.START_TO_START, b.ranges[0]))
    .map((m) => `${m.match.alias}=${m.entityId}`);
}

describe('page-level context in the scanner', () => {
  const page = '<h1>Notes</h1><p>We did not get access to Mythos.</p><p>Fennec stays internal for now.</p><p>Capybara was fed at noon.</p><p>Scores for Claude Opus 4.6 are in.</p>';

  it('adds ambiguous names found before the first unambiguous mention (default strictness "page")', async () => {
    // Capybara declares other senses (animals, data): it needs evidence in its own block.
    expect(await scan(page)).toEqual(['Mythos=anthropic/mythos', 'Fennec=anthropic/fennec', 'Claude Opus 4.6=anthropic/claude-opus-4-6']);
  });

  it('adds nothing ambiguous on a page without an unambiguous mention', async () => {
    expect(await scan('<p>We did not get access to Mythos.</p><p>Capybara stays internal for now.</p>')).toEqual([]);
  });

  it('with strictness "block", keeps only names with context in their own block', async () => {
    expect(await scan(page, 'block')).toEqual(['Claude Opus 4.6=anthropic/claude-opus-4-6']);
  });

  it('with strictness "off", keeps every name', async () => {
    expect(await scan('<p>The new Capybara enclosure opened.</p>', 'off')).toEqual(['Capybara=anthropic/capybara']);
  });

  it('keeps names glued to other proper names out, whatever the page', async () => {
    expect(await scan('<p>Paintings by Claude Monet.</p><p>Scores for Claude Opus 4.6 are in.</p>')).toEqual([
      'Claude Opus 4.6=anthropic/claude-opus-4-6',
    ]);
  });

  it('reads a name split across inline elements as one mention, and splits at blocks', async () => {
    expect(await scan('<p>We tried Gemini 2.5 <b>Pro</b> and <a href="#">Claude</a> Opus 4.6.</p><ul><li>GPT-5.4</li><li>mini</li></ul>')).toEqual([
      'Gemini 2.5 Pro=google/gemini-2.5-pro',
      'Claude Opus 4.6=anthropic/claude-opus-4-6',
      'GPT-5.4=openai/gpt-5.4',
    ]);
  });
});

describe('page topic', () => {
  it("lets the bare family word of the page's title stand, not other ambiguous words", async () => {
    document.title = 'Gemma';
    expect(await scan('<h1>Gemma</h1><p>Deploy Gemma locally.</p><p>Capybara was fed at noon.</p><p>Open weights.</p>')).toEqual([
      'Gemma=google/gemma',
      'Gemma=google/gemma',
    ]);
    document.title = '';
  });
  it('gives no topic to a page that never speaks of AI', async () => {
    document.title = 'Gemma';
    expect(await scan('<h1>Gemma</h1><p>Gemma turned forty this spring.</p>')).toEqual([]);
    document.title = '';
  });
});
