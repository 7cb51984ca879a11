/**
 * Closed shadow roots in real browsers (src/dom/shadow.ts): pages cannot read them, the extension
 * APIs can (chrome.dom.openOrClosedShadowRoot / element.openOrClosedShadowRoot). Text in them is
 * highlighted, painted (the highlight rules adopted into the closed root) and hovered; a closed
 * root attached to a custom element after its scan is found at the next timed check; one attached
 * to a plain element after its scan is found at the next full scan (here an SPA navigation) — no
 * mutation reports either, and the page's attachShadow is not hooked.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersToTest, cardText, launch, rangeCenter, ROOT, serve, type StaticServer } from '../../scripts/browser/harness';
import { decodePng, violetPixels } from './engine-pixels';

let server: StaticServer;
beforeAll(async () => {
  server = await serve(join(ROOT, 'tests/fixtures/pages'));
});
afterAll(async () => server?.close());

/** Every highlighted range as "host id/text" (a range in a shadow root) or "element id: text". */
function hits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('modellens');
    return [...(h ?? [])]
      .map((r) => {
        const text = (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
        const root = r.startContainer.getRootNode();
        if (root instanceof ShadowRoot) return `${root.host.id}/${text}`;
        return `${r.startContainer.parentElement?.id ?? ''}: ${text}`;
      })
      .sort();
  });
}

async function waitHits(page: Page, want: string[], timeout = 15_000): Promise<string[]> {
  const end = Date.now() + timeout;
  for (;;) {
    const got = await hits(page);
    if (want.every((w) => got.includes(w)) || Date.now() > end) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const FIRST = ['closed-decl/Claude Opus 4.6', 'closed-el/Gemini 2.5 Pro', 'light: GPT-5.4'];

describe.each(browsersToTest())('closed shadow roots in %s', (name) => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(`${server.url}/engine-closed.html`);
  });
  afterAll(async () => browser?.close());

  it('highlights text in closed shadow roots (declarative and attached by a component)', async () => {
    expect(await page.evaluate(() => document.getElementById('closed-decl')!.shadowRoot)).toBeNull(); // closed to the page
    expect(await waitHits(page, FIRST)).toEqual(FIRST);
  });

  it('paints them: the highlight rules reach into the closed root', async () => {
    await page.mouse.move(5, 5);
    const clip = (id: string) =>
      page.evaluate((i: string) => {
        const r = document.getElementById(i)!.getBoundingClientRect();
        return { x: r.left, y: r.top, width: Math.max(1, r.width), height: r.height + 4 };
      }, id);
    const violet = async (id: string) => violetPixels(decodePng(await page.screenshot({ clip: await clip(id), type: 'png' })));
    expect(await violet('closed-decl')).toBeGreaterThan(20);
    expect(await violet('closed-el')).toBeGreaterThan(20);
    expect(await violet('control')).toBe(0);
  });

  it('shows the card for a mention in a closed shadow root', async () => {
    const at = await rangeCenter(page, 'Gemini 2.5 Pro');
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 150, at!.y + 120);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    await page.waitForFunction(() => /Gemini 2\.5 Pro[^]*Google/.test(document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card')?.textContent ?? ''), {
      polling: 100,
      timeout: 15_000,
    });
    expect(await cardText(page)).toMatch(/Gemini 2\.5 Pro/);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
  });

  it('finds a closed root attached later: a component at the next timed check, a plain div at the next full scan', async () => {
    await page.evaluate(() => (window as unknown as { attachLate(): void }).attachLate());
    // The timed checks run 1, 3 and 10 s after the start; the page was scanned well before 10 s.
    const got = await waitHits(page, ['lazy/Claude Opus 4.6']);
    expect(got).toContain('lazy/Claude Opus 4.6');
    // A built-in element is not watched for a shadow root of its own after its scan …
    expect(got).not.toContain('plain-late/GPT-5.4');
    // … and is reached at the next full scan, e.g. an SPA navigation (a new URL, new content).
    await page.evaluate(() => {
      history.pushState({}, '', '?next');
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'The next view.' }));
    });
    expect(await waitHits(page, ['plain-late/GPT-5.4'])).toEqual([...FIRST, 'lazy/Claude Opus 4.6', 'plain-late/GPT-5.4'].sort());
  });
});
