/**
 * The compact card's first view for every entry of the knowledge, in real browsers: at most
 * 320 px tall at 380 px wide, with the status and the summary inside it and nothing to scroll.
 * Each entry is drawn without a page date, with the page date that gives its longest timeline
 * note, and (families) as a version the knowledge lacks. The card component and styles are the
 * real ones (tests/e2e/card-gallery, built with Vite), drawn in batches in one page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { browsersToTest, launch, serve, type StaticServer } from '../../scripts/browser/harness';
import { buildCardGallery } from '../../scripts/browser/card-gallery';
import { localDay } from '../../src/core/lifecycle';
import type { Measured } from './card-gallery/main';

let server: StaticServer;
beforeAll(async () => {
  server = await serve(await buildCardGallery());
});
afterAll(async () => server?.close());

describe.each(browsersToTest())('every entry’s compact card in %s', (name) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(name, { extension: false });
  });
  afterAll(async () => browser?.close());

  it('fits 320 px at 380 px wide, status and summary visible, nothing to scroll', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => 'cardGallery' in window, { timeout: 30_000 });
    const count = await page.evaluate(() => (window as unknown as { cardGallery: { count: number } }).cardGallery.count);
    const t0 = Date.now();
    const all = await page.evaluate(
      (today: string) => (window as unknown as { cardGallery: { measureAll(d: string): Promise<Measured[]> } }).cardGallery.measureAll(today),
      localDay(new Date()),
    );
    const plain = all.filter((m) => !m.pageDate && !m.unknownVersion);
    const tallest = Math.max(...all.map((m) => m.height));
    console.log(`${name}: ${all.length} cards (${count} entries) measured in ${Date.now() - t0} ms; tallest first view ${tallest.toFixed(1)} px`);
    expect(count).toBeGreaterThan(1000);
    expect(plain).toHaveLength(count);
    expect(all.some((m) => m.timeline)).toBe(true);
    expect(all.some((m) => m.unknownVersion)).toBe(true);

    const bad = (pred: (m: Measured) => boolean) => all.filter(pred).map((m) => `${m.id} ${m.pageDate ?? ''} ${m.unknownVersion ?? ''}: ${m.height.toFixed(1)} px`);
    expect(bad((m) => m.height > 320)).toEqual([]);
    expect(bad((m) => m.width > 380)).toEqual([]);
    expect(bad((m) => m.scrolls)).toEqual([]);
    expect(bad((m) => !m.statusVisible || !m.summaryVisible)).toEqual([]);
    // Without a note taking the room, an entry with news shows at least one fact in the first view.
    expect(bad((m) => m.factsInEntry > 0 && m.facts === 0 && !m.timeline && !m.unknownVersion)).toEqual([]);
    expect(bad((m) => m.facts > 2)).toEqual([]);
    await page.close();
  });
});
