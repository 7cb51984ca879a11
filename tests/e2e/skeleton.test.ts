/**
 * The walking skeleton in real browsers: highlights for the seed terms, a real-mouse hover card
 * with a source, Esc, an unchanged page and no traffic beyond 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { join } from 'node:path';
import {
  browsersToTest,
  cardText,
  highlightedTexts,
  launch,
  pageSnapshot,
  rangeCenter,
  ROOT,
  serve,
  sleep,
  waitForHighlights,
  type StaticServer,
} from '../../scripts/browser/harness';

let server: StaticServer;
beforeAll(async () => {
  server = await serve(join(ROOT, 'tests/fixtures/pages'));
});
afterAll(async () => server?.close());

const SEED = ['Mythos', 'Capybara', 'Claude Code', 'Opus 4.7', 'Sonnet 4.8', 'Tengu', 'Fennec', 'Numbat', 'Claude Opus 4.6', 'claude-opus-4-6', 'GPT-5.4', 'Gemini 2.5 Flash'];

describe.each(browsersToTest())('walking skeleton in %s', (name) => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.url}/leak-article.html`);
    await waitForHighlights(page, SEED.length);
  });
  afterAll(async () => browser?.close());

  it('registers highlights for the seed terms, and none for the animal or the textarea', async () => {
    const texts = await highlightedTexts(page);
    for (const t of SEED) expect(texts, t).toContain(t);
    // "Gemini 2.5 <b>Pro</b>" is one mention, painted as two ranges
    expect(texts).toContain('Gemini 2.5 ');
    expect(texts).toContain('Pro');
    expect(texts.filter((t) => t.toLowerCase() === 'capybara')).toEqual(['Capybara']);
    expect(texts.filter((t) => t === 'Mythos')).toHaveLength(1);
  });

  it('shows a card naming Anthropic with a source when the real mouse rests on "Mythos"; Esc hides it', async () => {
    const at = await rangeCenter(page, 'Mythos');
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 200, at!.y + 150);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    await page.waitForFunction(
      () => {
        const card = document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card');
        return !!card && /Anthropic/.test(card.textContent ?? '') && !!card.querySelector('a.src');
      },
      { timeout: 10_000 },
    );
    const text = await cardText(page);
    expect(text).toMatch(/Mythos/);
    expect(text).toMatch(/Anthropic/);
    const sources = await page.evaluate(() =>
      [...(document.querySelector('modellens-ui')!.shadowRoot!.querySelectorAll('a.src') as NodeListOf<HTMLAnchorElement>)].map((a) => ({
        href: a.href,
        rel: a.rel,
        target: a.target,
      })),
    );
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(s.href).toMatch(/^https?:\/\//);
      expect(s.rel).toContain('noopener');
      expect(s.target).toBe('_blank');
    }
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => {
      const layer = document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.layer') as HTMLElement | null;
      return !layer || layer.hidden;
    });
    expect(await cardText(page)).toBeNull();
  });

  it('leaves the page DOM and innerText identical to a run without the extension', async () => {
    const withExt = await pageSnapshot(page);
    // A private context has no extensions in either browser; prove it, then compare.
    const plain = await launch(name, { extension: false });
    try {
      const p = await plain.newPage();
      await p.goto(`${server.url}/leak-article.html`);
      await sleep(1500);
      const hl = await p.evaluate(() => (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.get('modellens') ?? null);
      expect(hl).toBeNull();
      const without = await pageSnapshot(p);
      expect(withExt.text).toBe(without.text);
      expect(withExt.html).toBe(without.html);
    } finally {
      await plain.close();
    }
  });

  it('sends no request beyond 127.0.0.1', () => {
    const outside = requests.filter((u) => /^(https?|wss?):/.test(u) && !u.startsWith(server.url));
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });
});
