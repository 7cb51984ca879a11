/**
 * Options and the user's own knowledge in real browsers: a settings change reaches an open tab,
 * corrupt and outdated settings are repaired with a notice, a valid import makes a new term
 * highlight, a malformed one shows its errors and keeps the old entries, and hostile strings in
 * imported knowledge stay text on the card, the options page and the knowledge browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { browsersToTest, ROOT, serve, waitForHighlights, type StaticServer } from '../../scripts/browser/harness';
import { extensionOrigin, highlightRegistry, highlightTexts, launchWithPages, mentionCenter, openExtensionPage, storageGet, storageSet } from '../../scripts/browser/ext-pages';

let server: StaticServer;
beforeAll(async () => {
  server = await serve(join(ROOT, 'tests/fixtures/pages'));
});
afterAll(async () => server?.close());

const POLL = { polling: 100, timeout: 15_000 } as const;
/** ui-user.html before any import: GPT-5.4 ×2, GPT-5.4 mini, Claude Opus 4.6. */
const BUNDLED_MENTIONS = 4;

const src = { url: 'https://example.org/my-notes', title: 'My notes', date: '2026-05-01' };
const life = { value: 'ga', source: src, status: 'reported', asOf: '2026-06-01' };
const ZEPHYRINE = {
  id: 'smalllab/zephyrine-7',
  name: 'Zephyrine-7',
  vendor: 'Small Lab',
  kind: 'model',
  summary: 'An open-weights coding model from a small lab, noted by hand.',
  aliases: ['Zephyrine-7', 'zephyrine-7b'],
  lifecycle: life,
};
const HOSTILE = {
  id: 'evil/evilmodel-9',
  name: '<img src=x onerror="document.title=\'pwned\'">',
  vendor: '<b>Evil</b> Corp',
  kind: 'model',
  summary: '<script>document.title="pwned"</script><i>italic?</i>',
  aliases: ['Evilmodel-9'],
  lifecycle: life,
  facts: [{ value: '<svg onload="document.title=\'pwned\'"></svg>', source: { ...src, title: '<a href="https://evil.example">x</a>' }, status: 'rumored', asOf: '2026-06-01' }],
};
const BROKEN = { ...ZEPHYRINE, id: 'smalllab/broken', kind: 'robot', summary: '', aliases: ['Brokenmodel-1'] };

describe.each(browsersToTest())('options and your own knowledge in %s', (name) => {
  let browser: Browser;
  let page: Page;
  let options: Page;
  let origin: string;

  beforeAll(async () => {
    browser = await launchWithPages(name);
    origin = await extensionOrigin(browser, name);
    page = await browser.newPage();
    await page.goto(`${server.url}/ui-user.html`);
    await waitForHighlights(page, BUNDLED_MENTIONS);
    await openOptions('#import-text');
  });

  /** A fresh tab for each visit: Firefox loses element handles across extension-page navigations. */
  async function openOptions(ready: string) {
    await options?.close();
    options = await browser.newPage();
    await openExtensionPage(options, `${origin}/options.html`, ready);
  }
  afterAll(async () => browser?.close());

  const setTextarea = (json: string) =>
    options.$eval(
      '#import-text',
      (el, v) => {
        (el as HTMLTextAreaElement).value = v as string;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      json,
    );
  const userEntries = async () => ((await storageGet(options, 'userKnowledge')) as { entries: Array<{ id: string }> } | null)?.entries.map((e) => e.id) ?? [];

  it('a settings change applies to open tabs at once (style, muted term)', async () => {
    await options.click('input[name="style"][value="background"]');
    await page.waitForFunction(() => !!(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('modellens-background')?.size, POLL);
    let reg = await highlightRegistry(page);
    expect(reg['modellens-background']).toBe(BUNDLED_MENTIONS);
    expect(reg.modellens).toBeUndefined();

    await options.type('#muted', 'GPT-5.4');
    await options.keyboard.press('Enter');
    await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('modellens-background')?.size === 2, POLL);
    expect(await highlightTexts(page, 'modellens-background')).toEqual(['Claude Opus 4.6', 'GPT-5.4 mini']);

    // Back to the defaults: the chip's remove button and the underline style.
    await options.click('.chips button');
    await options.click('input[name="style"][value="underline"]');
    await waitForHighlights(page, BUNDLED_MENTIONS);
    reg = await highlightRegistry(page);
    expect(reg.modellens).toBe(BUNDLED_MENTIONS);
    expect(reg['modellens-background']).toBeUndefined();
    expect(await storageGet(options, 'settings$')).toEqual({ v: 2 });
  });

  it('corrupt stored settings fall back to defaults with a visible notice and a backup', async () => {
    await storageSet(options, { settings: { style: 'sparkly', firstMentionOnly: 'yes', deny: 'everything', strictness: 'page' } });
    await openOptions('#settings-notice');
    const notice = await options.$eval('#settings-notice', (e) => e.textContent ?? '');
    expect(notice).toMatch(/reset to their defaults/);
    for (const field of ['style', 'firstMentionOnly', 'deny']) expect(notice).toContain(field);
    expect(notice).toContain('sparkly'); // the backup, shown as text
    // The good field survived; the repaired value is stored.
    expect(await storageGet(options, 'settings')).toMatchObject({ style: 'underline', firstMentionOnly: false, deny: [], strictness: 'page' });
    expect(await options.$eval('#strictness', (e) => (e as HTMLSelectElement).value)).toBe('page');
    await options.click('#settings-notice button');
    await options.waitForFunction(() => !document.querySelector('#settings-notice'), POLL);
    expect(await storageGet(options, 'settingsNotice')).toBeNull();
  });

  it('outdated (v1) settings are migrated, not lost', async () => {
    await storageSet(options, { settings: { kinds: ['model', 'family', 'product'], style: 'none', firstOnly: false, muted: '', disabledSites: ['example.com'], strict: true }, settings$: { v: 1 } });
    await openOptions('input[name="style"]');
    expect(await options.$eval('input[name="style"][value="hover"]', (e) => (e as HTMLInputElement).checked)).toBe(true);
    expect(await storageGet(options, 'settings$')).toEqual({ v: 2 });
    expect(await storageGet(options, 'settings')).toMatchObject({ style: 'hover', deny: ['example.com'], strictness: 'block', categories: { models: true, codenames: false, products: true } });
    expect(await options.$('#settings-notice')).toBeNull();
    // Back to defaults for the next tests.
    await storageSet(options, { settings: null });
    await waitForHighlights(page, BUNDLED_MENTIONS);
    await openOptions('#import-text');
  });

  it('importing a valid entry makes a new term highlight in the open tab, as "your note"', async () => {
    expect(await highlightTexts(page)).not.toContain('Zephyrine-7');
    await setTextarea(JSON.stringify({ entries: [ZEPHYRINE] }));
    await options.click('#import');
    await options.waitForSelector('#import-ok');
    expect(await options.$eval('#import-ok', (e) => e.textContent)).toMatch(/1 new/);
    await page.waitForFunction(() => [...((CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('modellens') ?? [])].some((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset) === 'Zephyrine-7'), POLL);
    expect(await userEntries()).toEqual([ZEPHYRINE.id]);
    const reply = (await options.evaluate(async (id: string) => {
      const g = globalThis as unknown as Record<string, { runtime: { sendMessage(m: object): Promise<unknown> } }>;
      return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'getEntry', id });
    }, ZEPHYRINE.id)) as { entry: { name: string }; user?: boolean };
    expect(reply.entry.name).toBe('Zephyrine-7');
    expect(reply.user).toBe(true);
    expect(await options.$eval('#user-entries', (e) => e.textContent)).toMatch(/Your note\s*Zephyrine-7/);
  });

  it('a malformed import shows entry, field and reason and keeps the previous entries', async () => {
    await setTextarea(JSON.stringify({ entries: [BROKEN] }));
    await options.click('#import');
    await options.waitForSelector('#import-error');
    const err = await options.$eval('#import-error', (e) => e.textContent ?? '');
    expect(err).toMatch(/Nothing was imported/);
    expect(err).toContain('Entry “smalllab/broken”, field “kind”: must be one of');
    expect(err).toContain('field “summary”');
    expect(await userEntries()).toEqual([ZEPHYRINE.id]);
    expect(await options.$eval('#user-entries', (e) => e.textContent)).toContain('Zephyrine-7');

    // Not JSON at all, from a file.
    const dir = mkdtempSync(join(tmpdir(), 'modellens-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "entries": [ { "id": ');
    const input = await options.$('#import-file');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(bad);
    await options.waitForFunction(() => /not valid JSON/.test(document.querySelector('#import-error')?.textContent ?? ''), POLL);
    expect(await userEntries()).toEqual([ZEPHYRINE.id]);
    expect(await highlightTexts(page)).toContain('Zephyrine-7');
    expect(await highlightTexts(page)).not.toContain('Brokenmodel-1');
  });

  it('hostile strings in imported knowledge stay inert text on the card, the options page and the knowledge browser', async () => {
    await setTextarea(JSON.stringify({ entries: [HOSTILE] }));
    await options.click('#import');
    await options.waitForSelector('#import-ok');
    await page.waitForFunction(() => [...((CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('modellens') ?? [])].some((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset) === 'Evilmodel-9'), POLL);

    // The card on the page, opened by a real mouse.
    await page.bringToFront();
    const at = await mentionCenter(page, 'Evilmodel-9');
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 150, at!.y + 120);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    await page.waitForFunction(
      () => [...document.querySelectorAll('modellens-ui')].some((h) => /Evil/.test(h.shadowRoot?.querySelector('.card')?.textContent ?? '')),
      POLL,
    );
    const card = await page.evaluate(() => {
      const c = [...document.querySelectorAll('modellens-ui')].map((h) => h.shadowRoot?.querySelector('.card')).find((c) => /Evil/.test(c?.textContent ?? ''))!;
      return { text: c.textContent ?? '', tags: [...c.querySelectorAll('img, script, svg:not(.tools svg):not(button svg), iframe, object, b, i')].map((e) => e.tagName.toLowerCase()), links: [...c.querySelectorAll('a')].map((a) => a.href) };
    });
    expect(card.text).toContain('<img src=x onerror=');
    expect(card.text).toContain('<script>document.title="pwned"</script>');
    expect(card.tags).toEqual([]);
    expect(card.links.every((h) => h.startsWith('https://example.org/'))).toBe(true);
    expect(await page.title()).toBe('Small labs, new models');
    await page.keyboard.press('Escape');

    // The options page lists it as text.
    await options.bringToFront();
    const list = await options.$eval('#user-entries', (e) => ({ text: e.textContent ?? '', imgs: e.querySelectorAll('img, script, b').length }));
    expect(list.text).toContain('<img src=x');
    expect(list.imgs).toBe(0);
    expect(await options.title()).not.toBe('pwned');

    // The knowledge browser finds it and opens the same card, as text.
    const kb = await browser.newPage();
    await openExtensionPage(kb, `${origin}/knowledge.html?q=evilmodel&id=${encodeURIComponent(HOSTILE.id)}`, '#card-host');
    await kb.waitForFunction(() => !!document.querySelector('#card-host')?.shadowRoot?.querySelector('.card'), POLL);
    const kbState = await kb.evaluate(() => {
      const c = document.querySelector('#card-host')!.shadowRoot!.querySelector('.card')!;
      return {
        entries: [...document.querySelectorAll('#entries .entry')].map((e) => e.getAttribute('data-id')),
        listTags: document.querySelectorAll('#entries img, #entries script, #entries b').length,
        text: c.textContent ?? '',
        tags: c.querySelectorAll('img, script, iframe, object, b, i').length,
        note: document.querySelector('#your-note')?.textContent ?? '',
        title: document.title,
      };
    });
    expect(kbState.entries).toEqual([HOSTILE.id]);
    expect(kbState.listTags).toBe(0);
    expect(kbState.text).toContain('<img src=x onerror=');
    expect(kbState.tags).toBe(0);
    expect(kbState.note).toMatch(/Your note/);
    expect(kbState.title).not.toBe('pwned');
    await kb.close();
  });

  it('the knowledge browser searches all entries and opens their card', async () => {
    const kb = await browser.newPage();
    await openExtensionPage(kb, `${origin}/knowledge.html`, '#entries .entry');
    const total = await kb.$$eval('#entries .entry', (e) => e.length);
    expect(total).toBeGreaterThan(100);
    await kb.type('#search', 'opus 4.6');
    await kb.waitForFunction((n: number) => document.querySelectorAll('#entries .entry').length < n, POLL, total);
    const ids = await kb.$$eval('#entries .entry', (e) => e.map((x) => x.getAttribute('data-id')));
    expect(ids).toContain('anthropic/claude-opus-4-6');
    await kb.click('#entries .entry[data-id="anthropic/claude-opus-4-6"]');
    await kb.waitForFunction(() => /Claude Opus 4\.6/.test(document.querySelector('#card-host')?.shadowRoot?.querySelector('.card h2')?.textContent ?? ''), POLL);
    const text = await kb.evaluate(() => document.querySelector('#card-host')!.shadowRoot!.querySelector('.card')!.textContent ?? '');
    expect(text).toMatch(/Anthropic/);
    await kb.close();
  });

  it('switches the UI to German and back', async () => {
    await options.select('#language', 'de');
    await options.waitForFunction(() => document.querySelector('h1')?.textContent === 'ModelLens-Einstellungen', POLL);
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await options.$eval('#hl-h', (e) => e.textContent)).toBe('Hervorhebung');
    const kb = await browser.newPage();
    await openExtensionPage(kb, `${origin}/knowledge.html`, '#entries .entry');
    expect(await kb.$eval('#count', (e) => e.textContent)).toMatch(/von \d+ Einträgen/);
    await kb.close();
    await options.select('#language', 'en');
    await options.waitForFunction(() => document.querySelector('h1')?.textContent === 'ModelLens options', POLL);
  });
});
