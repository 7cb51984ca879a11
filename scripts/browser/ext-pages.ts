/**
 * Opening the extension's own pages (popup, options, knowledge browser) in a tab, in both browsers.
 * Firefox gives each install a random moz-extension UUID; the test profile pins it by pref.
 */
import type { Browser, Page } from 'puppeteer-core';
import { launch, sleep, type BrowserName } from './harness';

/** The slice of the WebExtension API these helpers call inside extension pages. */
interface ExtApi {
  tabs: {
    query(q: object): Promise<Array<{ id?: number }>>;
    sendMessage(id: number, msg: unknown, opts?: object): Promise<unknown>;
  };
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(i: object): Promise<void> } };
}

export const GECKO_ID = 'modellens@modellens.dev';
export const FIREFOX_UUID = '5b3cf07c-5cff-4d0e-9a11-0d31e45e1a7a';

export function launchWithPages(name: BrowserName): Promise<Browser> {
  return launch(name, { firefoxPrefs: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }) } });
}

/** chrome-extension://<id> or moz-extension://<uuid>. */
export async function extensionOrigin(browser: Browser, name: BrowserName): Promise<string> {
  if (name === 'firefox') return `moz-extension://${FIREFOX_UUID}`;
  const t = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 15_000 });
  return t.url().split('/').slice(0, 3).join('/'); // URL.origin is "null" for chrome-extension:
}

/** In an extension page: the id of the tab whose top frame is on `host` (asked through the content script). */
export async function tabIdForHost(extPage: Page, host: string, timeout = 15_000): Promise<number> {
  const end = Date.now() + timeout;
  for (;;) {
    const id = await extPage.evaluate(async (h: string) => {
      const g = globalThis as unknown as Record<string, unknown>;
      const api = (g.browser ?? g.chrome) as ExtApi;
      for (const t of await api.tabs.query({})) {
        if (t.id === undefined) continue;
        try {
          const info = (await api.tabs.sendMessage(t.id, { type: 'pageInfo' }, { frameId: 0 })) as { host?: string } | undefined;
          if (info?.host === h) return t.id;
        } catch {
          /* no content script in that tab */
        }
      }
      return -1;
    }, host);
    if (id >= 0) return id;
    if (Date.now() > end) throw new Error(`no tab with a ModelLens content script on ${host}`);
    await sleep(250);
  }
}

/** Run storage.local.get in an extension page. */
export function storageGet(extPage: Page, key: string): Promise<unknown> {
  return extPage.evaluate(async (k: string) => {
    const g = globalThis as unknown as Record<string, unknown>;
    const api = (g.browser ?? g.chrome) as ExtApi;
    return (await api.storage.local.get(k))[k] ?? null;
  }, key);
}

/** storage.local.set in an extension page (as JSON: Firefox will not take objects from the test's realm). */
export function storageSet(extPage: Page, items: Record<string, unknown>): Promise<void> {
  return extPage.evaluate(async (json: string) => {
    const g = globalThis as unknown as Record<string, unknown>;
    const api = (g.browser ?? g.chrome) as ExtApi;
    await api.storage.local.set(JSON.parse(json));
  }, JSON.stringify(items));
}

/** Text of every range in a CSS highlight, sorted (works for Range and StaticRange). */
export function highlightTexts(page: Page, name = 'modellens'): Promise<string[]> {
  return page.evaluate((n: string) => {
    const h = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get(n);
    return [...(h ?? [])].map((r) => (r.startContainer === r.endContainer ? (r.startContainer as Text).data.slice(r.startOffset, r.endOffset) : String(r))).sort();
  }, name);
}

/** Name of every CSS highlight registered on the page, with its size. */
export function highlightRegistry(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    const reg = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    reg?.forEach((h, name) => (out[name] = h.size));
    return out;
  });
}

/**
 * Navigate to an extension page. Firefox (WebDriver BiDi) loads moz-extension: pages but never
 * reports their load to the navigation, so wait for the document instead of the goto.
 */
export async function openExtensionPage(page: Page, url: string, ready = '#app > *'): Promise<void> {
  const nav = page.goto(url, { timeout: 60_000 }).catch(() => undefined);
  if (url.startsWith('chrome-extension:')) await nav;
  // Poll by hand: evaluating while the page navigates can fail in Firefox; try again.
  const end = Date.now() + 20_000;
  for (;;) {
    const ok = await page
      .evaluate((u: string, sel: string) => location.href === u && document.readyState === 'complete' && !!document.querySelector(sel), url, ready)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > end) throw new Error(`${url} did not show ${ready}`);
    await sleep(100);
  }
}

/** Centre of the first highlighted range whose text is `text` (the harness reads StaticRanges). */
export { rangeCenter as mentionCenter } from './harness';
