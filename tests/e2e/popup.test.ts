/**
 * The popup in real browsers: it lists the models of a fixture page grouped by vendor, jumps to
 * the next mention on click, switches the site off and on live, and the badge shows the count.
 * The popup document is opened as a tab (popup.html?tab=<id>), which both browsers allow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { join } from 'node:path';
import { browsersToTest, ROOT, serve, waitForHighlights, type StaticServer } from '../../scripts/browser/harness';
import { extensionOrigin, highlightTexts, launchWithPages, openExtensionPage, tabIdForHost } from '../../scripts/browser/ext-pages';

let server: StaticServer;
beforeAll(async () => {
  server = await serve(join(ROOT, 'tests/fixtures/pages'));
});
afterAll(async () => server?.close());

/** ui-popup.html: Claude Opus 4.6 ×3, GPT-5.4 ×2, Gemini 2.5 Pro ×2. */
const MENTIONS = 7;
/** Poll on a timer: a tab in the background gets no animation frames. */
const POLL = { polling: 100, timeout: 15_000 } as const;

describe.each(browsersToTest())('popup in %s', (name) => {
  let browser: Browser;
  let page: Page;
  let popup: Page;
  let origin: string;
  let tabId: number;

  beforeAll(async () => {
    browser = await launchWithPages(name);
    origin = await extensionOrigin(browser, name);
    page = await browser.newPage();
    await page.goto(`${server.url}/ui-popup.html`);
    await waitForHighlights(page, MENTIONS);
    popup = await browser.newPage();
    await openExtensionPage(popup, `${origin}/popup.html`);
    tabId = await tabIdForHost(popup, '127.0.0.1');
    await openExtensionPage(popup, `${origin}/popup.html?tab=${tabId}`, '.entity');
  });
  afterAll(async () => browser?.close());

  const groups = () =>
    popup.evaluate(() =>
      [...document.querySelectorAll('.group')].map((g) => ({
        vendor: g.querySelector('.vendor')!.firstChild!.textContent!.trim(),
        items: [...g.querySelectorAll('.entity')].map((b) => [b.querySelector('.name')!.textContent, Number(b.querySelector('.count')!.textContent)]),
      })),
    );

  it('lists the models on the page, grouped by vendor, with counts; the badge shows the total', async () => {
    expect(await groups()).toEqual([
      { vendor: 'Anthropic', items: [['Claude Opus 4.6', 3]] },
      { vendor: 'Google', items: [['Gemini 2.5 Pro', 2]] },
      { vendor: 'OpenAI', items: [['GPT-5.4', 2]] },
    ]);
    expect(await popup.$eval('#total', (e) => e.textContent)).toBe(`${MENTIONS} mentions`);
    const badge = () =>
      popup.evaluate(async (id: number) => {
        const g = globalThis as unknown as Record<string, { action: { getBadgeText(d: object): Promise<string> } }>;
        return (g.browser ?? g.chrome).action.getBadgeText({ tabId: id });
      }, tabId);
    const end = Date.now() + 5000;
    while ((await badge()) !== String(MENTIONS) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(await badge()).toBe(String(MENTIONS));
  });

  it('jumps to the next mention on click: the page scrolls, the mention flashes and its card opens', async () => {
    const state = () =>
      page.evaluate(() => {
        const active = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('modellens-active');
        const s = active ? [...active][0] : null;
        const r = s ? document.createRange() : null;
        if (s && r) {
          r.setStart(s.startContainer, s.startOffset);
          r.setEnd(s.endContainer, s.endOffset);
        }
        const top = r?.getBoundingClientRect().top ?? null;
        // Any host: see the report on CardHost.ensure() racing on a first reveal.
        const card = [...document.querySelectorAll('modellens-ui')].map((h) => h.shadowRoot?.querySelector('.card')).find(Boolean);
        return { y: Math.round(scrollY), text: r?.toString() ?? null, inView: top !== null && top >= 0 && top < innerHeight, block: r ? (r.startContainer.parentElement as HTMLElement).id : null, card: card?.textContent ?? null };
      });
    expect((await state()).y).toBe(0);
    const click = () => popup.click('.entity[data-id="anthropic/claude-opus-4-6"]');

    await click();
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('modellens-active')?.size, POLL);
    let s = await state();
    expect(s).toMatchObject({ text: 'Claude Opus 4.6', block: 'p1', inView: true });

    await click();
    await page.waitForFunction(() => {
      const a = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('modellens-active');
      return a && [...a][0]?.startContainer.parentElement?.id === 'p2';
    }, POLL);
    s = await state();
    expect(s).toMatchObject({ text: 'Claude Opus 4.6', block: 'p2', inView: true });
    expect(s.y).toBeGreaterThan(500);

    await click();
    await page.waitForFunction(() => {
      const a = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('modellens-active');
      return a && [...a][0]?.startContainer.parentElement?.id === 'p3';
    }, POLL);
    expect((await state()).inView).toBe(true);
    expect(await popup.$eval('.entity.current', (e) => e.getAttribute('data-id'))).toBe('anthropic/claude-opus-4-6');
    // The card of the revealed mention is open (painted once the tab is in front, as under a real popup).
    await page.bringToFront();
    await page.waitForFunction(
      () => [...document.querySelectorAll('modellens-ui')].some((h) => /Claude Opus 4\.6/.test(h.shadowRoot?.querySelector('.card')?.textContent ?? '')),
      POLL,
    );
    await popup.bringToFront();
  });

  it('the site switch removes the highlights live and brings them back', async () => {
    const size = () => page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('modellens')?.size ?? 0);
    expect(await popup.$eval('#site-switch', (e) => (e as HTMLInputElement).checked)).toBe(true);

    await popup.click('#site-switch');
    await page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('modellens')?.size ?? 0) === 0, POLL);
    expect(await size()).toBe(0);
    await popup.waitForFunction(() => !document.querySelector('.entity') && !(document.querySelector('#site-switch') as HTMLInputElement).checked, POLL);
    expect(await popup.$eval('.popup', (e) => e.textContent)).toMatch(/Highlighting is off on this site/);

    await popup.click('#site-switch');
    await waitForHighlights(page, MENTIONS);
    expect(await highlightTexts(page)).toContain('GPT-5.4');
    await popup.waitForFunction(() => !!document.querySelector('.entity'), POLL);
    expect(await popup.$eval('#site-switch', (e) => (e as HTMLInputElement).checked)).toBe(true);
  });
});
