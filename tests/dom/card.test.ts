/** The compact card: what the first view holds, and "N more facts" opening the rest in place. */
import { afterEach, describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { Card, type CardProps } from '../../src/ui/Card';
import type { Entry, Fact } from '../../src/knowledge/schema';

const src = { url: 'https://example.com/a', title: 'Vendor notes', published: '2026-04-16', retrieved: '2026-11-30' };
const fact = <T = string,>(value: T, status: Fact<T>['status'] = 'confirmed', asOf = '2026-04-16'): Fact<T> => ({ value, status, asOf, source: src });
const entry: Entry = {
  id: 'anthropic/claude-opus-4-7',
  name: 'Claude Opus 4.7',
  vendor: 'Anthropic',
  kind: 'model',
  summary: 'An Opus model.',
  aliases: [],
  lifecycle: fact('ga' as const),
  released: fact('2026-04-16'),
  specs: fact({ context: 1_000_000, input: ['text', 'image'], outputModalities: ['text'], openWeights: false }),
  predecessor: 'anthropic/claude-opus-4-6',
  facts: [fact('Old news.', 'confirmed', '2026-02-01'), fact('Newest news.', 'confirmed', '2026-10-07'), fact('Reported news.', 'reported'), fact('Correction to the seed post: it shipped.')],
  reviewed: '2026-11-30',
} as Entry;

function show(props: Partial<CardProps> = {}): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(h(Card, { entry, links: {}, alias: 'Opus 4.7', pinned: false, today: '2026-11-30', onPin() {}, onClose() {}, onOpen() {}, ...props }), root);
  return root;
}
const texts = (root: HTMLElement, sel: string) => [...root.querySelectorAll(sel)].map((n) => n.textContent?.trim());
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('compact card', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows status, summary, one row of key specs and the two most telling facts with status and source', () => {
    const root = show();
    expect(root.querySelector('.status')?.textContent).toMatch(/Released 16 Apr 2026/);
    expect(root.querySelector('.summary')?.textContent).toBe('An Opus model.');
    expect(root.querySelector('.keyspecs')?.textContent).toBe('1M context · text, image → text · closed weights');
    expect(texts(root, '.card > section .fact-text')).toEqual(['Confirmed Correction to the seed post: it shipped.', 'Confirmed Newest news.']);
    expect(root.querySelectorAll('.card > section .fact .src')).toHaveLength(2);
    expect(root.querySelector('.more-body')?.hasAttribute('hidden')).toBe(true);
    expect(root.querySelector('.links')).toBeNull(); // related entries: one step away
  });

  it('"N more facts" is a button that opens and closes the rest in place', async () => {
    const root = show();
    const more = root.querySelector('button.more') as HTMLButtonElement;
    expect(more.textContent).toMatch(/^2 more facts/);
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.getAttribute('aria-controls')).toBe(root.querySelector('.more-body')!.id);
    more.click();
    await flush();
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('.card')!.classList.contains('expanded')).toBe(true);
    expect(texts(root, '.more-body .fact-text')).toEqual(['Confirmed Old news.', 'Reported Reported news.']);
    expect(root.querySelector('.more-body .specs')).not.toBeNull();
    expect(texts(root, '.more-body .links button')).toEqual(['Before anthropic/claude-opus-4-6']);
    more.click();
    await flush();
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.more-body')?.hasAttribute('hidden')).toBe(true);
  });

  it('follows the host when it holds the state (kept while the card is pinned)', () => {
    const seen: boolean[] = [];
    const root = show({ expanded: true, onExpand: (v) => void seen.push(v) });
    expect(root.querySelector('.more-body')?.hasAttribute('hidden')).toBe(false);
    (root.querySelector('button.more') as HTMLButtonElement).click();
    expect(seen).toEqual([false]);
  });

  it('gives a fact’s room to a timeline note', () => {
    const root = show({ timeline: 'When this page was published (2 Apr 2026), Claude Opus 4.7 was not yet released.' });
    expect(root.querySelector('.timeline')).not.toBeNull();
    expect(root.querySelectorAll('.card > section .fact')).toHaveLength(1);
    expect(root.querySelector('button.more')?.textContent).toMatch(/^3 more facts/);
  });

  it('says "1 more fact" for one', () => {
    const root = show({ entry: { ...entry, facts: entry.facts!.slice(0, 3) } });
    expect(root.querySelector('button.more')?.textContent).toMatch(/^1 more fact▾?$/);
  });
});
