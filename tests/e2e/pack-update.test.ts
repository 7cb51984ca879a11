/**
 * Signed knowledge pack updates in real browsers, against a local pack server (node http on
 * 127.0.0.1) and a key pair made for this run. The e2e build (WXT_E2E=1) has no pack URL of its own,
 * so no other test ever reaches the network; this one gives it the server's URL and the test public
 * key through storage.local `e2ePackServer`, which only WXT_E2E builds read
 * (src/background/pack-schedule.ts).
 *
 * A pack with a new model: its name highlights on a freshly loaded page and its card shows the
 * pack's facts. Then each bad input is refused with its reason in the options page and the popup,
 * and the pack in use still answers. With the switch off nothing is requested. Every request the
 * server sees is one GET of the pack URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browsersToTest, cardText, rangeCenter, serve, sleep, waitForHighlights, type StaticServer } from '../../scripts/browser/harness';
import { extensionOrigin, highlightTexts, launchWithPages, openExtensionPage, storageGet, storageSet } from '../../scripts/browser/ext-pages';
import { generatePackKeys, makePack } from '../../scripts/pack-sign';
import { ENTRIES_DIR, readKnowledgeDir } from '../../src/knowledge/load';
import { REGISTRY as BUNDLED_REGISTRY } from '../../src/knowledge/sources';
import { FIXTURE, newModel, packServer } from '../unit/pack-helpers';

/** Installing a 1.7 MB pack verifies, validates and compiles 1,100 entries in the background: slow on a loaded machine. */
const POLL = { polling: 100, timeout: 90_000 } as const;
const keys = generatePackKeys();
const other = generatePackKeys();
const REGISTRY = { ...BUNDLED_REGISTRY, vendors: { ...BUNDLED_REGISTRY.vendors, acme: { name: 'Acme Labs', domains: ['example.org/acme'] } } };
const NEW = newModel('Acme Nimbusflow 9', 'A model only the knowledge pack knows, with facts from the pack.');
const ENTRIES = [...readKnowledgeDir(ENTRIES_DIR).entries, ...FIXTURE, NEW];
const V1 = 209901010000;
const pack = (version = V1, entries = ENTRIES, key = keys.privateKeyPem) => makePack({ entries, version, registry: REGISTRY }, key);

let packs: Awaited<ReturnType<typeof packServer>>;
let pages: StaticServer;
let pagesDir: string;
beforeAll(async () => {
  packs = await packServer();
  pagesDir = mkdtempSync(join(tmpdir(), 'modellens-pack-'));
  writeFileSync(join(pagesDir, 'news.html'), '<!doctype html><meta charset="utf-8"><title>News</title><p>Today Acme Nimbusflow 9 arrived, a week after GPT-5.4.</p>');
  pages = await serve(pagesDir);
});
afterAll(async () => {
  await packs?.close();
  await pages?.close();
  if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
});

/** Serve `body` with CORS for any origin (a static host's usual header), or a handler of its own. */
function serveBody(body: string): void {
  packs.handle((_req, res) => void res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end(body));
}

describe.each(browsersToTest())('knowledge pack updates in %s', (name) => {
  let browser: Browser;
  let opts: Page;
  let origin: string;

  beforeAll(async () => {
    packs.log.length = 0;
    browser = await launchWithPages(name);
    origin = await extensionOrigin(browser, name);
    opts = await browser.newPage();
    await openExtensionPage(opts, `${origin}/options.html`, '#check-now');
    await storageSet(opts, { e2ePackServer: { url: packs.url, key: keys.publicKey, timeoutMs: 3000 } });
  });
  afterAll(async () => browser?.close());

  /** Click "Check now" in the options page and wait for the status line to record a check after `since`. */
  async function checkNow(): Promise<{ result: string; text: string }> {
    const before = ((await storageGet(opts, 'packStatus')) as { checkedAt?: string } | null)?.checkedAt ?? '';
    await opts.waitForSelector('#check-now:not([disabled])');
    await opts.click('#check-now');
    await opts.waitForFunction(
      (b: string) => {
        const el = document.querySelector('#pack-status') as HTMLElement | null;
        return !!el && !!el.dataset.result && !document.querySelector('#check-now[disabled]') && el.dataset.checked !== b;
      },
      POLL,
      before,
    );
    const status = (await storageGet(opts, 'packStatus')) as { checkedAt: string; result: string };
    expect(status.checkedAt > before).toBe(true);
    await opts.waitForFunction((r: string) => (document.querySelector('#pack-status') as HTMLElement).dataset.result === r, POLL, status.result);
    return { result: status.result, text: (await opts.$eval('#pack-status', (e) => e.textContent)) ?? '' };
  }

  async function freshPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 700 });
    await page.goto(`${pages.url}/news.html`);
    await waitForHighlights(page, 1);
    await sleep(300);
    return page;
  }

  const texts = (page: Page) => highlightTexts(page);

  async function cardFor(page: Page, text: string): Promise<string> {
    const at = await rangeCenter(page, text);
    if (!at) throw new Error(`no highlight "${text}"`);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await page.waitForFunction(
      (n: string) => {
        const card = document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card') as HTMLElement | null;
        return !!card && !(card.parentElement as HTMLElement).hidden && (card.querySelector('.name')?.textContent ?? '') === n && !/Loading…/.test(card.textContent ?? '');
      },
      POLL,
      text,
    );
    return (await cardText(page)) ?? '';
  }

  it('before any pack, the bundled knowledge answers and the new model is unknown', async () => {
    const page = await freshPage();
    expect(await texts(page)).toEqual(['GPT-5.4']);
    await page.close();
    expect(await opts.$eval('#pack-version', (e) => e.textContent)).toBe('bundled with ModelLens');
  });

  it('a signed pack that adds a model: the name highlights on a fresh page, the card shows the pack’s facts', async () => {
    serveBody(pack());
    const r = await checkNow();
    expect(r.result).toBe('updated');
    expect(r.text).toContain(`Updated (version ${V1})`);
    await opts.waitForFunction((v: string) => document.querySelector('#pack-version')?.textContent === v, POLL, `pack version ${V1}`);
    const page = await freshPage();
    await page.waitForFunction(() => document.readyState === 'complete');
    expect((await texts(page)).sort()).toEqual(['Acme Nimbusflow 9', 'GPT-5.4']);
    const card = await cardFor(page, 'Acme Nimbusflow 9');
    expect(card).toContain('Acme Labs');
    expect(card).toContain('A model only the knowledge pack knows, with facts from the pack.');
    await page.close();
  }, 240_000);

  const BAD: Array<[string, () => void, string, string]> = [
    ['a tampered pack (one byte changed)', () => serveBody(pack(V1 + 1).replace('with facts from the pack', 'with facts from the pacK')), 'signature', 'Update refused: signature does not match'],
    ['a pack signed by another key', () => serveBody(pack(V1 + 1, ENTRIES, other.privateKeyPem)), 'signature', 'Update refused: signature does not match'],
    ['malformed JSON', () => serveBody(pack(V1 + 1).slice(0, 5000)), 'malformed', 'Update refused: not a knowledge pack'],
    ['a valid signature over an entry that fails the schema', () => serveBody(pack(V1 + 1, [...ENTRIES.slice(0, -1), { ...NEW, kind: 'spaceship' as never }])), 'invalid', 'Update refused: an entry is invalid'],
    ['an older pack version', () => serveBody(pack(V1 - 1)), 'not-newer', 'Update refused: older than the knowledge in use'],
    ['an unknown format version', () => serveBody(makePack({ entries: ENTRIES, version: V1 + 1, registry: REGISTRY, format: 2 }, keys.privateKeyPem)), 'format', 'Update refused: made for another version'],
    ['a 50 MB response', () => packs.handle((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
      const chunk = Buffer.alloc(1 << 20, 32);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    }), 'too-large', 'Update refused: the file is too large'],
    ['a 404', () => packs.handle((_req, res) => void res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end('not found')), 'http', "Couldn't check: the server answered HTTP 404"],
    ['a hanging server', () => packs.handle(() => undefined), 'timeout', "Couldn't check: the server did not answer in time"],
  ];

  it.each(BAD)('refuses %s with its reason; the pack in use stays', async (_label, setup, result, words) => {
    setup();
    const r = await checkNow();
    expect(r.result).toBe(result);
    expect(r.text).toContain(words);
    const stored = (await storageGet(opts, 'knowledgePack')) as { current: { version: number } };
    expect(stored.current.version).toBe(V1);
    expect(await opts.$eval('#pack-version', (e) => e.textContent)).toBe(`pack version ${V1}`);
  });

  it('after every refusal the knowledge in use still answers, and the popup shows the last reason', async () => {
    const page = await freshPage();
    expect((await texts(page)).sort()).toEqual(['Acme Nimbusflow 9', 'GPT-5.4']);
    expect(await cardFor(page, 'Acme Nimbusflow 9')).toContain('with facts from the pack.');
    await page.close();
    const popup = await browser.newPage();
    await openExtensionPage(popup, `${origin}/popup.html`, '#knowledge-asof');
    expect(await popup.$eval('#knowledge-asof', (e) => e.textContent)).toMatch(/^Knowledge as of /);
    expect(await popup.$eval('#pack-version', (e) => e.textContent)).toBe(`pack version ${V1}`);
    expect(await popup.$eval('#pack-status', (e) => e.textContent)).toContain("Couldn't check: the server did not answer in time");
    await popup.close();
  });

  it('with "Keep knowledge up to date" off, nothing is requested', async () => {
    serveBody(pack(V1 + 2));
    const n = packs.log.length;
    await opts.waitForSelector('#check-now:not([disabled])');
    await opts.click('#update-switch');
    await opts.waitForSelector('#check-now[disabled]');
    expect(((await storageGet(opts, 'settings')) as { updateKnowledge?: boolean }).updateKnowledge).toBe(false);
    // Asked directly, the background does not check either.
    const reply = await opts.evaluate(async () => {
      const g = globalThis as unknown as Record<string, { runtime: { sendMessage(m: object): Promise<unknown> } }>;
      const timeout = new Promise((r) => setTimeout(() => r('no reply'), 20_000));
      return Promise.race([(g.browser ?? g.chrome).runtime.sendMessage({ type: 'checkPack' }), timeout]);
    });
    expect(reply ?? null).toBeNull();
    await sleep(1000);
    expect(packs.log.length).toBe(n);
    expect(((await storageGet(opts, 'knowledgePack')) as { current: { version: number } }).current.version).toBe(V1);
    await opts.click('#update-switch');
    await opts.waitForSelector('#check-now:not([disabled])');
  });

  it('every request the extension made was one GET of the pack URL, without a query', () => {
    expect(packs.log.length).toBeGreaterThanOrEqual(1 + BAD.length);
    expect(packs.log.filter((l) => !/^GET \/pack\.json$/.test(l))).toEqual([]);
  });
});
