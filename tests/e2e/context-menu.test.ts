/**
 * The context menu in real browsers. Headless browsers cannot open the native menu, so the test
 * reaches it the way the browser does: a real right-click in the page (the page reports what is
 * under the pointer), then — from an extension page, through the end-to-end build's hook
 * (src/background/menu-e2e.ts) — the items as created and shown now, and a click on one by calling
 * the registered onClicked listener with the info and tab the browser would pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { join } from 'node:path';
import { browsersToTest, cardText, rangeCenter, ROOT, serve, sleep, waitForHighlights, type StaticServer } from '../../scripts/browser/harness';
import { extensionOrigin, highlightTexts, launchWithPages, openExtensionPage, storageGet, tabIdForHost } from '../../scripts/browser/ext-pages';

let server: StaticServer;
beforeAll(async () => {
  server = await serve(join(ROOT, 'tests/fixtures/pages'));
});
afterAll(async () => server?.close());

const ALL = ['Claude Opus 4.6', 'GPT-5.4'];

interface MenuState {
  created: Array<{ id: string; title: string; contexts: string[]; visible?: boolean }>;
  state: Record<string, { title?: string; visible?: boolean }>;
  /** What the browser refused: a create's lastError, an update's rejection. */
  errors: string[];
}

/** Ask the background (from an extension page) through the e2e hook. */
function e2eMenu(ext: Page, msg: object): Promise<unknown> {
  return ext.evaluate(async (json: string) => {
    const g = globalThis as unknown as Record<string, { runtime: { sendMessage(m: unknown): Promise<unknown> } }>;
    return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'e2eMenu', ...JSON.parse(json) });
  }, JSON.stringify(msg));
}

/** Poll until `check` holds (the browser updates menus and settings asynchronously). */
async function until<T>(read: () => Promise<T>, check: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let v = await read();
  while (!check(v) && Date.now() < end) {
    await sleep(100);
    v = await read();
  }
  return v;
}

/** The toast's text, or null; `undo`: click its Undo button. */
function toast(page: Page, undo = false): Promise<string | null> {
  return page.evaluate((click: boolean) => {
    for (const host of document.querySelectorAll('modellens-ui')) {
      const t = host.shadowRoot?.querySelector('.toast') as HTMLElement | null;
      if (!t) continue;
      const text = t.textContent;
      if (click) (t.querySelector('.undo') as HTMLButtonElement).click();
      return text;
    }
    return null;
  }, undo);
}

describe.each(browsersToTest())('context menu in %s', (name) => {
  let browser: Browser;
  let page: Page;
  let other: Page;
  let ext: Page;
  let tabId: number;
  const url = () => `${server.url}/context-menu.html`;
  const items = () => e2eMenu(ext, { op: 'items' }) as Promise<MenuState>;
  const click = (info: object) => e2eMenu(ext, { op: 'click', tabId, info: { frameId: 0, ...info } });
  const rightClick = async (text: string) => {
    const at = await rangeCenter(page, text);
    if (!at) throw new Error(`no highlight "${text}"`);
    await page.mouse.click(at.x, at.y, { button: 'right' });
  };

  beforeAll(async () => {
    browser = await launchWithPages(name);
    const origin = await extensionOrigin(browser, name);
    // A second tab on another host (same server): muting applies there too, live.
    other = await browser.newPage();
    await other.goto(url().replace('127.0.0.1', 'localhost'));
    await waitForHighlights(other, 2);
    page = await browser.newPage();
    await page.goto(url());
    await waitForHighlights(page, 2);
    ext = await browser.newPage();
    await openExtensionPage(ext, `${origin}/options.html`);
    tabId = await tabIdForHost(ext, '127.0.0.1');
    await page.bringToFront();
  }, 90_000);
  afterAll(async () => browser?.close());

  it('creates "Look up" for selections and the mention items hidden until they apply', async () => {
    const { created } = await items();
    const byId = Object.fromEntries(created.map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(['modellens-lookup', 'modellens-mute', 'modellens-site']);
    expect(byId['modellens-lookup']).toMatchObject({ contexts: ['selection'], title: 'Look up “%s” in ModelLens' });
    expect(byId['modellens-lookup'].visible).toBeUndefined();
    for (const id of ['modellens-mute', 'modellens-site']) {
      expect(byId[id].visible).toBe(false);
      expect(byId[id].contexts).toEqual(expect.arrayContaining(['page', 'link', 'selection']));
    }
  });

  it('"Look up" of a name selected in a textarea opens its card there', async () => {
    await page.evaluate(() => {
      const ta = document.querySelector('textarea')!;
      ta.focus();
      const at = ta.value.indexOf('claude-opus-4-6');
      ta.setSelectionRange(at, at + 'claude-opus-4-6'.length);
    });
    await click({ menuItemId: 'modellens-lookup', selectionText: 'claude-opus-4-6', editable: true });
    const text = await until(() => cardText(page), (t) => !!t && t.includes('Claude Opus 4.6') && !t.includes('Loading'));
    expect(text).toContain('Claude Opus 4.6');
    // Placed at the text field.
    const geo = await page.evaluate(() => {
      const card = [...document.querySelectorAll('modellens-ui')].map((h) => h.shadowRoot?.querySelector('.card')).find(Boolean)!;
      const c = card.getBoundingClientRect();
      const t = document.querySelector('textarea')!.getBoundingClientRect();
      return { gap: Math.min(Math.abs(c.top - t.bottom), Math.abs(t.top - c.bottom)), left: c.left - t.left };
    });
    expect(geo.gap).toBeLessThan(40);
    expect(Math.abs(geo.left)).toBeLessThan(40);
    // Esc closes it and gives focus back to the text field.
    await page.keyboard.press('Escape');
    await until(() => cardText(page), (t) => t === null);
    expect(await cardText(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('textarea');
  });

  it('"Look up" of text the knowledge lacks shows "Not in the knowledge" with a search in the knowledge browser', async () => {
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      const p = document.querySelector('#p2')!.firstChild as Text;
      const at = p.data.indexOf('Frobnicator 9000');
      const r = document.createRange();
      r.setStart(p, at);
      r.setEnd(p, at + 'Frobnicator 9000'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    await click({ menuItemId: 'modellens-lookup', selectionText: 'Frobnicator 9000' });
    const text = await until(() => cardText(page), (t) => !!t && t.includes('Frobnicator'));
    expect(text).toContain('Not in the knowledge.');
    expect(text).toContain('Search the knowledge browser');
    await page.evaluate(() => {
      const card = [...document.querySelectorAll('modellens-ui')].map((h) => h.shadowRoot?.querySelector('.card')).find(Boolean)!;
      (card.querySelector('a.search-knowledge') as HTMLAnchorElement).click();
    });
    // A new tab with the knowledge browser, its search filled in (Firefox reports an extension
    // page's URL late: ask each page where it is).
    const search = async () => {
      for (const p of await browser.pages()) {
        const href = p.url().includes('knowledge.html') ? p.url() : await p.evaluate(() => location.href).catch(() => '');
        if (href.includes('knowledge.html')) return p.evaluate(() => (document.querySelector('#search') as HTMLInputElement | null)?.value ?? '').catch(() => '');
      }
      return '';
    };
    expect(await until(search, (v) => v === 'Frobnicator 9000', 15_000)).toBe('Frobnicator 9000');
    await page.bringToFront();
    await page.keyboard.press('Escape');
  });

  it('shows "Don\'t highlight ‹name›" and "Don\'t highlight on this site" only over a highlighted mention', async () => {
    await rightClick('GPT-5.4');
    let s = await until(items, (m) => m.state['modellens-mute']?.visible === true);
    expect(s.state['modellens-mute']).toEqual({ title: 'Don\'t highlight “GPT-5.4”', visible: true });
    expect(s.state['modellens-site'].visible).toBe(true);
    const plain = await page.evaluate(() => {
      const b = document.querySelector('h1')!.getBoundingClientRect();
      return { x: b.left + 10, y: b.top + b.height / 2 };
    });
    await page.mouse.click(plain.x, plain.y, { button: 'right' });
    s = await until(items, (m) => m.state['modellens-mute']?.visible === false);
    expect(s.state['modellens-mute'].visible).toBe(false);
    expect(s.state['modellens-site'].visible).toBe(false);
  });

  it('mute from the menu removes the highlight live in every tab; Undo in the notice restores it', async () => {
    await rightClick('GPT-5.4');
    await until(items, (m) => m.state['modellens-mute']?.visible === true);
    await click({ menuItemId: 'modellens-mute' });
    expect(await until(() => highlightTexts(page), (h) => !h.includes('GPT-5.4'))).toEqual(['Claude Opus 4.6']);
    expect(await until(() => highlightTexts(other), (h) => !h.includes('GPT-5.4'))).toEqual(['Claude Opus 4.6']);
    expect(((await storageGet(ext, 'settings')) as { mutedTerms: string[] }).mutedTerms).toEqual(['GPT-5.4']);
    expect(await until(() => toast(page), (t) => t !== null)).toContain('“GPT-5.4” won\'t be highlighted');
    await toast(page, true);
    expect(await until(() => highlightTexts(page), (h) => h.length === 2)).toEqual(ALL);
    expect(await until(() => highlightTexts(other), (h) => h.length === 2)).toEqual(ALL);
    expect(((await storageGet(ext, 'settings')) as { mutedTerms: string[] }).mutedTerms).toEqual([]);
  });

  it('a term muted from the menu is listed in the options, and removing it there restores the highlight', async () => {
    await rightClick('Claude Opus 4.6');
    await until(items, (m) => m.state['modellens-mute']?.title === 'Don\'t highlight “Claude Opus 4.6”');
    await click({ menuItemId: 'modellens-mute' });
    expect(await until(() => highlightTexts(page), (h) => h.length === 1)).toEqual(['GPT-5.4']);
    const chips = () => ext.$$eval('.chips .chip span', (els) => els.map((e) => e.textContent));
    expect(await until(chips, (c) => c.length > 0)).toEqual(['Claude Opus 4.6']);
    // Clicked in the page (a background tab gets no frames for puppeteer's own click).
    await ext.evaluate(() => (document.querySelector('.chips .chip button') as HTMLButtonElement).click());
    expect(await until(() => highlightTexts(page), (h) => h.length === 2)).toEqual(ALL);
  });

  it('"Don\'t highlight on this site" switches the site off; Undo switches it back on', async () => {
    await page.bringToFront();
    await rightClick('Claude Opus 4.6');
    await until(items, (m) => m.state['modellens-site']?.visible === true);
    await click({ menuItemId: 'modellens-site' });
    expect(await until(() => highlightTexts(page), (h) => h.length === 0)).toEqual([]);
    // The other tab is on another host and still highlights (after the rescan every settings change brings).
    expect(await until(() => highlightTexts(other), (h) => h.length === 2)).toEqual(ALL);
    expect(((await storageGet(ext, 'settings')) as { deny: string[] }).deny).toEqual(['127.0.0.1']);
    expect(await until(() => toast(page), (t) => t !== null)).toContain('Highlighting is off on 127.0.0.1');
    await toast(page, true);
    expect(await until(() => highlightTexts(page), (h) => h.length === 2)).toEqual(ALL);
  });

  it('the browser took every create and update without an error', async () => {
    expect((await items()).errors).toEqual([]);
  });
});
