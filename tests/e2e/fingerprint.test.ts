/**
 * No fingerprinting surface, in real browsers: a page that knows the extension's address (here the
 * test tells it; a real page would have to guess the Chrome id, and cannot know Firefox's
 * per-install UUID) still cannot fetch or import any of ModelLens's files from it — before or
 * after the card has loaded — while the card loads on hover as usual (src/dom/extension-script.ts).
 * The same address does serve the file to the extension's own pages, so the refusal is the
 * browser's access rule and not a wrong URL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDS, browsersToTest, cardText, rangeCenter, ROOT, serve, waitForHighlights, type StaticServer } from '../../scripts/browser/harness';
import { extensionOrigin, launchWithPages, openExtensionPage } from '../../scripts/browser/ext-pages';

/** ModelLens's files a page might probe for. */
const FILES = ['card.js', 'engine.js', 'knowledge-index.js', 'highlights.css', 'first-stage.js', 'manifest.json'];

let server: StaticServer;
beforeAll(async () => {
  server = await serve(join(ROOT, 'tests/fixtures/pages'));
});
afterAll(async () => server?.close());

/** In the page's own world: what fetch() and import() get at `origin`/file, per file. */
function probe(page: Page, origin: string): Promise<Record<string, string>> {
  return page.evaluate(
    async (o: string, files: string[]) => {
      const out: Record<string, string> = {};
      for (const f of files) {
        try {
          const r = await fetch(`${o}/${f}`);
          out[`fetch ${f}`] = `status ${r.status}`;
        } catch {
          out[`fetch ${f}`] = 'refused';
        }
      }
      try {
        await import(/* @vite-ignore */ `${o}/card.js`);
        out['import card.js'] = 'loaded';
      } catch {
        out['import card.js'] = 'refused';
      }
      // Anything the page can see of ModelLens's loads in its resource timing.
      out.timing = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => /^(chrome|moz)-extension:/.test(n))
        .join(' ');
      return out;
    },
    origin,
    FILES,
  );
}

const allRefused = Object.fromEntries([...FILES.map((f) => [`fetch ${f}`, 'refused']), ['import card.js', 'refused'], ['timing', '']]);

describe('the web-accessible surface in the manifest', () => {
  it('Chrome: the engine, the index and the card are web-accessible only through their dynamic URL', () => {
    const m = JSON.parse(readFileSync(join(BUILDS.chromium, 'manifest.json'), 'utf8')) as { web_accessible_resources?: Array<{ resources: string[]; use_dynamic_url?: boolean }> };
    expect(m.web_accessible_resources?.flatMap((w) => w.resources)).toEqual(['card.js', 'engine.js', 'knowledge-index.js']);
    for (const w of m.web_accessible_resources ?? []) expect(w.use_dynamic_url).toBe(true);
  });

  it('Firefox: nothing is web-accessible; the engine, the index and the card go in by scripting.executeScript', () => {
    const m = JSON.parse(readFileSync(join(BUILDS.firefox, 'manifest.json'), 'utf8')) as { web_accessible_resources?: unknown[]; permissions: string[] };
    expect(m.web_accessible_resources ?? []).toEqual([]);
    expect(m.permissions).toContain('scripting');
  });
});

describe.each(browsersToTest())('a page cannot detect ModelLens by its files in %s', (name) => {
  let browser: Browser;
  let page: Page;
  let origin: string;

  beforeAll(async () => {
    browser = await launchWithPages(name);
    origin = await extensionOrigin(browser, name);
    page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(`${server.url}/leak-article.html`);
    await waitForHighlights(page, 1);
  });
  afterAll(async () => browser?.close());

  it('the extension itself reads card.js at that address', async () => {
    const ext = await browser.newPage();
    try {
      await openExtensionPage(ext, `${origin}/options.html`);
      const got = await ext.evaluate(async (u: string) => {
        const r = await fetch(u);
        return { status: r.status, head: (await r.text()).slice(0, 40) };
      }, `${origin}/card.js`);
      expect(got.status).toBe(200);
      expect(got.head.length).toBeGreaterThan(0);
    } finally {
      await ext.close();
    }
  });

  it('before any card: every file is refused to the page', async () => {
    expect(await probe(page, origin)).toEqual(allRefused);
  });

  it('the card loads on hover, and the page still gets nothing', async () => {
    const at = await rangeCenter(page, 'Mythos');
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 150, at!.y + 120);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    await page.waitForFunction(() => /Anthropic/.test(document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card')?.textContent ?? ''), {
      polling: 100,
      timeout: 15_000,
    });
    expect(await cardText(page)).toMatch(/Mythos/);
    expect(await probe(page, origin)).toEqual(allRefused);
  });
});
