/** The keyboard tour and the popup's reveal: wrap-around, cycling through one entity's mentions. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initHover } from '../../../src/dom/features/hover';
import { createTour } from '../../../src/dom/features/tour';
import { body } from '../helpers';
import { makeSession, recordingCard } from './session';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

async function page(html: string) {
  body(html);
  const s = makeSession();
  await s.session.start();
  const card = recordingCard();
  const hover = initHover(s.session, s.abort.signal, () => card);
  return { ...s, card, hover, tour: createTour(s.session, hover) };
}

describe('keyboard tour', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('steps through mentions in document order and wraps around both ways', async () => {
    const p = await page('<p>GPT-5.4 first.</p><p>Then Claude Opus 4.6.</p><p>And Gemini 2.5 Pro.</p>');
    stop = () => p.abort.abort();
    const seen = () => p.card.shown.map((s) => s.target.alias);
    for (let i = 0; i < 4; i++) expect(p.tour.step(1)).toBe(true);
    expect(seen()).toEqual(['GPT-5.4', 'Claude Opus 4.6', 'Gemini 2.5 Pro', 'GPT-5.4']);
    expect(p.tour.step(-1)).toBe(true);
    expect(seen().at(-1)).toBe('Gemini 2.5 Pro');
    // The card takes focus and the mention is announced with its place in the list.
    expect(p.card.shown.every((s) => s.focus)).toBe(true);
    expect(p.card.said[0]).toBe('GPT-5.4: mention 1 of 3');
    expect(p.card.said.at(-1)).toBe('Gemini 2.5 Pro: mention 3 of 3');
  });

  it('starts from the last mention going backwards, and says so when there is none', async () => {
    const p = await page('<p>GPT-5.4 and Claude Opus 4.6.</p>');
    stop = () => p.abort.abort();
    p.tour.step(-1);
    expect(p.card.shown[0].target.alias).toBe('Claude Opus 4.6');
    const empty = await page('<p>No model here.</p>');
    expect(empty.tour.step(1)).toBe(false);
    empty.abort.abort();
  });
});

describe('reveal', () => {
  it("cycles through one entity's mentions, and starts over for another entity", async () => {
    const p = await page('<p>GPT-5.4 one.</p><p>Claude Opus 4.6.</p><p>GPT-5.4 two.</p><p>GPT-5.4 three.</p>');
    const block = () => (p.card.shown.at(-1)!.target.ranges[0].startContainer.parentElement as HTMLElement).textContent;
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      expect(p.tour.reveal('openai/gpt-5.4')).toBe(true);
      order.push(block()!);
    }
    expect(order).toEqual(['GPT-5.4 one.', 'GPT-5.4 two.', 'GPT-5.4 three.', 'GPT-5.4 one.']);
    expect(p.tour.reveal('anthropic/claude-opus-4-6')).toBe(true);
    expect(p.tour.reveal('openai/gpt-5.4')).toBe(true);
    expect(block()).toBe('GPT-5.4 one.');
    expect(p.tour.reveal('google/gemini-2.5-pro')).toBe(false);
    p.abort.abort();
  });
});
