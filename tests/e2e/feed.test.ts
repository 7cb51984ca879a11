/**
 * A live feed in real browsers, load after load: the page starts appending as soon as it has
 * loaded, so its appends run while the content script's first scan yields and while batches of
 * mutations are rescanned and committed. Every mention must end up in CSS.highlights on every
 * load, not just on a lucky one.
 *
 * The feed (tests/fixtures/pages/engine-feed.html) appends 1,000 paragraphs, 10 every 10 ms here
 * (the page's default is every 50 ms; the shorter interval keeps 20 loads quick and still met the
 * race before it was fixed).
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersToTest, launch, ROOT, serve, sleep, type StaticServer } from '../../scripts/browser/harness';

const LOADS = 20;
const TOTAL = 1000;
const URL_QUERY = `?total=${TOTAL}&per=10&every=10`;
const NAMES = ['Claude Opus 4.6', 'GPT-5.4', 'Gemini 2.5 Pro', 'Llama 3.1'];
/**
 * How long after the last append every mention must be highlighted (the page is idle then). Work
 * that is dropped never comes back, however long one waits; the margin is for a loaded machine.
 */
const CATCH_UP_MS = 3000;

let server: StaticServer;
beforeAll(async () => {
  server = await serve(`${ROOT}/tests/fixtures/pages`);
});
afterAll(async () => server?.close());

interface Load {
  highlighted: number;
  /** 1-based numbers of the paragraphs without a highlighted mention. */
  missing: number[];
  texts: string[];
}

/** Highlighted ranges, and the feed's paragraphs that have none. */
function look(page: Page): Promise<Load> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('modellens');
    const ranges = [...(h ?? [])];
    const hit = new Set(ranges.map((r) => r.startContainer.parentNode));
    const missing = [...document.querySelectorAll('#feed p')].map((p, i) => (hit.has(p) ? 0 : i + 1)).filter((n) => n > 0);
    const texts = [...new Set(ranges.map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)))];
    return { highlighted: ranges.length, missing, texts };
  });
}

describe.each(browsersToTest())('live feed in %s', (name) => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.newPage();
  });
  afterAll(async () => browser?.close());

  it(`highlights all ${TOTAL} appended mentions on each of ${LOADS} loads`, async () => {
    const loads: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      await page.goto(`${server.url}/engine-feed.html${URL_QUERY}`);
      const fed = await page.evaluate(() => (window as unknown as { feed: Promise<{ appended: number }> }).feed);
      expect(fed.appended).toBe(TOTAL);
      // Caught up within CATCH_UP_MS of the last append (a load that dropped work never gets there).
      await page
        .waitForFunction(
          (n: number) => ((CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights?.get('modellens')?.size ?? 0) >= n,
          { polling: 50, timeout: CATCH_UP_MS },
          TOTAL,
        )
        .catch(() => undefined);
      // Idle a little longer: nothing more (no duplicate) and nothing less.
      await sleep(200);
      loads.push(await look(page));
    }
    const counts = loads.map((l) => l.highlighted);
    console.log(`${name} feed, ${LOADS} loads: ${counts.join(' ')}`);
    for (const [i, l] of loads.entries()) if (l.missing.length) console.log(`  load ${i + 1}: paragraphs without highlight ${l.missing.slice(0, 20).join(',')}`);
    expect(counts).toEqual(Array(LOADS).fill(TOTAL));
    expect(loads.every((l) => l.missing.length === 0)).toBe(true);
    expect(new Set(loads.flatMap((l) => l.texts))).toEqual(new Set(NAMES));
  }, 240_000);
});
