/**
 * The extension going away while a page is open, with a card showing. Chromium: the content
 * script notices (WXT's context invalidation) and takes everything back. Firefox runs none of the
 * content script's code on uninstall (neither a runtime port's onDisconnect nor pagehide fire), so
 * its CSS.highlights entries stay registered; what makes them inert is that Firefox removes the
 * extension's page stylesheet (public/highlights.css): no ::highlight() rule paints them, the
 * shadow-root copies are switched off by --modellens-on, and the card's host is visible only while
 * --modellens-visible is set. Reinstalling puts a fresh content script in and highlights again.
 * (Disabling cannot be driven from a test: WebDriver BiDi only uninstalls, and the management API
 * cannot disable its own extension.)
 */
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDS, browsersToTest, launch, rangeCenter, ROOT, serve, sleep, waitForHighlights, type StaticServer } from '../../scripts/browser/harness';
import { decodePng, violetPixels } from './engine-pixels';

let server: StaticServer;
beforeAll(async () => {
  server = await serve(join(ROOT, 'tests/fixtures/pages'));
});
afterAll(async () => server?.close());

interface Seen {
  /** Registered CSS highlights and their sizes. */
  registry: Record<string, number>;
  /** The card host's computed visibility, or null without a host. */
  hostVisibility: string | null;
  /** What a click at the card's centre would hit: "card" or the page element. */
  atCard: string;
}

function seen(page: Page, at: { x: number; y: number }): Promise<Seen> {
  return page.evaluate((p: { x: number; y: number }) => {
    const registry: Record<string, number> = {};
    (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.forEach((h, k) => (registry[k] = h.size));
    const host = document.querySelector('modellens-ui');
    const hit = document.elementFromPoint(p.x, p.y);
    return {
      registry,
      hostVisibility: host ? getComputedStyle(host).visibility : null,
      atCard: hit?.localName === 'modellens-ui' ? 'card' : (hit?.localName ?? 'nothing'),
    };
  }, at);
}

describe.each(browsersToTest())('the extension going away in %s', (name) => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
  });
  afterAll(async () => browser?.close());

  it('leaves nothing the reader can see, even a card that was open', async () => {
    await page.goto(`${server.url}/engine-reach.html`);
    await waitForHighlights(page, 2);
    const at = await rangeCenter(page, 'GPT-5.4');
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 150, at!.y + 120);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    await page.waitForFunction(() => /OpenAI/.test(document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card')?.textContent ?? ''), {
      polling: 100,
      timeout: 15_000,
    });
    // Keep the card open: the pointer rests on it.
    const cardAt = await page.evaluate(() => {
      const r = document.querySelector('modellens-ui')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(cardAt.x, cardAt.y, { steps: 4 });
    await sleep(300);
    const before = await seen(page, cardAt);
    expect(before.registry.modellens).toBeGreaterThanOrEqual(2);
    expect(before.hostVisibility).toBe('visible');
    expect(before.atCard).toBe('card');
    const light = await page.evaluate(() => {
      const r = document.getElementById('light')!.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height + 4 };
    });
    expect(violetPixels(decodePng(await page.screenshot({ clip: light, type: 'png' })))).toBeGreaterThan(20);

    if (name === 'chromium') {
      const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
      await (await sw.worker())!
        .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
        .catch(() => undefined); // the worker goes away while answering
      // The content script cleans up: no entry left, the card's host removed.
      await page.waitForFunction(
        () => ![...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].some((k) => k.startsWith('modellens')) && !document.querySelector('modellens-ui'),
        { polling: 100, timeout: 10_000 },
      );
    } else {
      await browser.uninstallExtension('modellens@modellens.dev');
      await sleep(1000);
      const after = await seen(page, cardAt);
      // No content-script code ran: the entries are still registered (the page could list them) …
      expect(after.registry.modellens).toBe(before.registry.modellens);
      // … but inert: the card's host is hidden (nothing to see or click) …
      expect(after.hostVisibility).toBe('hidden');
      expect(after.atCard).not.toBe('card');
    }
    // … and nothing is painted; the text is as the page made it.
    expect(violetPixels(decodePng(await page.screenshot({ clip: light, type: 'png' })))).toBe(0);
    expect(await page.evaluate(() => document.getElementById('light')!.textContent)).toBe('In the page: GPT-5.4 is new.');
  });

  // Firefox only: there the entries were left behind. (In this headless Chromium an extension
  // loaded with --load-extension does not come back from runtime.reload(), so there is nothing to check.)
  it.skipIf(name === 'chromium')('installed again, it highlights the open page again', async () => {
    await browser.installExtension(BUILDS.firefox);
    await page.waitForFunction(
      () => ((CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('modellens')?.size ?? 0) >= 2 && getComputedStyle(document.documentElement).getPropertyValue('--modellens-on').trim() === '1',
      { polling: 100, timeout: 15_000 },
    );
    await page.mouse.move(5, 5);
    await sleep(300);
    const light = await page.evaluate(() => {
      const r = document.getElementById('light')!.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height + 4 };
    });
    expect(violetPixels(decodePng(await page.screenshot({ clip: light, type: 'png' })))).toBeGreaterThan(20);
  });
});
