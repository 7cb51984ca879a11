/**
 * Lifecycle on the card for a fixed "today", in real browsers: a scheduled shutdown still ahead
 * shows its date, one that has passed reads "Retired ‹date› (scheduled shutdown)", a retired model
 * says "Retired ‹date›", a lifecycle last reviewed more than 120 days ago says it may have changed,
 * and the timeline note compares the article's date with today. The popup and the knowledge browser
 * say how current the bundled knowledge is.
 *
 * The fixed day is storage.local `e2eToday`, which only builds made with WXT_E2E=1 read
 * (npm run test:e2e builds them; src/settings/today.ts). The entries are imported as the user's own
 * knowledge (tests/fixtures/knowledge-e2e/lifecycle.json) so the test does not depend on which real
 * models happen to be deprecated this month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browsersToTest, cardText, rangeCenter, ROOT, serve, waitForHighlights, type StaticServer } from '../../scripts/browser/harness';
import { extensionOrigin, launchWithPages, openExtensionPage, storageSet } from '../../scripts/browser/ext-pages';
import { knowledgeAsOf } from '../../src/core/lifecycle';
import { formatDate } from '../../src/core/status';
import { ENTRIES_DIR, readKnowledgeDir } from '../../src/knowledge/load';

const FIXTURE = readFileSync(join(ROOT, 'tests/fixtures/knowledge-e2e/lifecycle.json'), 'utf8');
const TODAY = '2026-12-12';
const POLL = { polling: 100, timeout: 15_000 } as const;

let server: StaticServer;
beforeAll(async () => {
  server = await serve(join(ROOT, 'tests/fixtures/pages'));
});
afterAll(async () => server?.close());

describe.each(browsersToTest())('lifecycle for a fixed today in %s', (name) => {
  let browser: Browser;
  let page: Page;
  let ext: Page;
  let origin: string;

  beforeAll(async () => {
    browser = await launchWithPages(name);
    origin = await extensionOrigin(browser, name);
    ext = await browser.newPage();
    await openExtensionPage(ext, `${origin}/options.html`, '#import-text');
    await storageSet(ext, { e2eToday: TODAY });
    await ext.$eval(
      '#import-text',
      (el, v) => {
        (el as HTMLTextAreaElement).value = v as string;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      FIXTURE,
    );
    await ext.click('#import');
    await ext.waitForSelector('#import-ok');
    page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(`${server.url}/lifecycle.html`);
    await waitForHighlights(page, 4);
  });
  afterAll(async () => browser?.close());

  /**
   * Hover a mention and return the card's text once it shows `name`; then move away until it
   * closes. `expand`: open "N more facts" first (API snapshots are one step away).
   */
  async function cardFor(text: string, expand = false): Promise<string> {
    const at = await rangeCenter(page, text);
    if (!at) throw new Error(`no highlight "${text}"`);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await page.waitForFunction(
      (n: string) => {
        const card = document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card') as HTMLElement | null;
        return !!card && !(card.parentElement as HTMLElement).hidden && (card.querySelector('.name')?.textContent ?? '') === n && !!card.querySelector('#modellens-card-status');
      },
      POLL,
      text,
    );
    if (expand) {
      await page.evaluate(() => (document.querySelector('modellens-ui')!.shadowRoot!.querySelector('button.more') as HTMLButtonElement).click());
      await page.waitForFunction(() => document.querySelector('modellens-ui')!.shadowRoot!.querySelector('button.more')?.getAttribute('aria-expanded') === 'true', POLL);
    }
    const out = (await cardText(page)) ?? '';
    await page.mouse.move(5, 5, { steps: 2 });
    await page.waitForFunction(() => {
      const layer = document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.layer') as HTMLElement | null;
      return !layer || layer.hidden;
    }, POLL);
    return out;
  }

  const statusOf = (card: string) => card.split('\n').find((l) => /Released|Retired|Deprecated|Preview|Announced/.test(l)) ?? '';

  it('the build reads the fixed day (an e2e build)', async () => {
    const reply = (await ext.evaluate(async () => {
      const g = globalThis as unknown as Record<string, { runtime: { sendMessage(m: object): Promise<unknown> } }>;
      return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'getEntry', id: 'acme/rocket-1' });
    })) as { today?: string };
    expect(reply.today, 'build with WXT_E2E=1 (npm run test:e2e)').toBe(TODAY);
  });

  it('a shutdown scheduled after today shows its date', async () => {
    const card = await cardFor('Acme Rocket 1');
    expect(card).toContain('Deprecated — shuts down 14 Feb 2027');
    expect(card).toContain('Replaced by Acme Rocket 4.');
    expect(card).toContain('Since this page was published (1 Mar 2026), Acme Rocket 1 has been deprecated; it shuts down on 14 Feb 2027.');
    expect(card).not.toContain('may have changed');
  });

  it('a shutdown scheduled before today: retired on that day, without new data', async () => {
    const card = await cardFor('Acme Rocket 2');
    expect(card).toContain('Retired 11 Dec 2026 (scheduled shutdown)');
    expect(card).toContain('Since this page was published (1 Mar 2026), Acme Rocket 2 has been retired (11 Dec 2026).');
    expect(card).not.toContain('may have changed');
  });

  it('the same model the day before its shutdown', async () => {
    await storageSet(ext, { e2eToday: '2026-12-10' });
    try {
      expect(statusOf(await cardFor('Acme Rocket 2'))).toContain('Deprecated — shuts down 11 Dec 2026');
    } finally {
      await storageSet(ext, { e2eToday: TODAY });
    }
    expect(statusOf(await cardFor('Acme Rocket 2'))).toContain('Retired 11 Dec 2026 (scheduled shutdown)');
  });

  it('a retired model says "Retired ‹date›"; its dated snapshot is listed apart', async () => {
    const card = await cardFor('Acme Rocket 3');
    expect(card).toContain('Retired 28 Oct 2025');
    expect(statusOf(card)).not.toContain('scheduled');
    expect(card).not.toContain('may have changed');
    // The compact card leaves API snapshots to "N more facts".
    expect(card).not.toContain('Snapshot rocket-3-20240620');
    const expanded = await cardFor('Acme Rocket 3', true);
    expect(expanded).toContain('Snapshot rocket-3-20240620: Retired 1 Mar 2025');
    expect(statusOf(expanded)).toContain('Retired 28 Oct 2025');
  });

  it('a lifecycle last reviewed more than 120 days before today may have changed', async () => {
    const card = await cardFor('Acme Rocket 4');
    expect(card).toContain('Released 20 May 2026');
    expect(card).toContain('as of 2 Jul 2026 — may have changed');
  });

  const bundledAsOf = formatDate(knowledgeAsOf(readKnowledgeDir(ENTRIES_DIR).entries)!);

  it('the knowledge browser says how current the knowledge is, and its card uses the same today', async () => {
    const kb = await browser.newPage();
    await openExtensionPage(kb, `${origin}/knowledge.html?id=acme%2Frocket-2`, '#card-host');
    expect(await kb.$eval('#knowledge-asof', (e) => e.textContent)).toBe(`Knowledge as of ${bundledAsOf}`);
    await kb.waitForFunction(
      () => /Retired 11 Dec 2026 \(scheduled shutdown\)/.test(document.querySelector('#card-host')?.shadowRoot?.textContent ?? ''),
      POLL,
    );
    await kb.close();
  });

  it('the popup says how current the knowledge is', async () => {
    const popup = await browser.newPage();
    await openExtensionPage(popup, `${origin}/popup.html`, '#knowledge-asof');
    expect(await popup.$eval('#knowledge-asof', (e) => e.textContent)).toBe(`Knowledge as of ${bundledAsOf}`);
    await popup.close();
  });
});
