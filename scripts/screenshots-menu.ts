/**
 * Screenshots of what the context menu does, in headless Chromium: the card for a name looked up
 * in a textarea, the card for text the knowledge lacks, and the notice with Undo after "Don't
 * highlight ‹name›". The menu itself is the browser's own and headless browsers do not draw it, so
 * the items are chosen through the end-to-end build's hook (src/background/menu-e2e.ts):
 * build with `WXT_E2E=1 npm run build` first. Usage: npm run screenshots:menu
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { rangeCenter, ROOT, serve, sleep, waitForHighlights } from './browser/harness';
import { extensionOrigin, launchWithPages, openExtensionPage, storageSet, tabIdForHost } from './browser/ext-pages';

const OUT = join(ROOT, 'docs/screenshots');
mkdirSync(OUT, { recursive: true });

function menu(ext: Page, msg: object): Promise<unknown> {
  return ext.evaluate(async (json: string) => {
    const g = globalThis as unknown as Record<string, { runtime: { sendMessage(m: unknown): Promise<unknown> } }>;
    return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'e2eMenu', ...JSON.parse(json) });
  }, JSON.stringify(msg));
}

const server = await serve(join(ROOT, 'tests/fixtures/pages'));
const browser = await launchWithPages('chromium');
try {
  const origin = await extensionOrigin(browser, 'chromium');
  const page = await browser.newPage();
  await page.setViewport({ width: 900, height: 620 });
  await page.goto(`${server.url}/context-menu.html`);
  await waitForHighlights(page, 2);
  const ext = await browser.newPage();
  await openExtensionPage(ext, `${origin}/options.html`);
  await storageSet(ext, { e2eToday: '2026-11-30' });
  const tabId = await tabIdForHost(ext, '127.0.0.1');
  await page.bringToFront();
  const click = (info: object) => menu(ext, { op: 'click', tabId, info: { frameId: 0, ...info } });

  // A name selected in a textarea.
  await page.evaluate(() => {
    const ta = document.querySelector('textarea')!;
    ta.focus();
    const at = ta.value.indexOf('claude-opus-4-6');
    ta.setSelectionRange(at, at + 'claude-opus-4-6'.length);
    ta.scrollIntoView({ block: 'start' });
  });
  await click({ menuItemId: 'modellens-lookup', selectionText: 'claude-opus-4-6' });
  await sleep(1500);
  await page.screenshot({ path: join(OUT, 'context-lookup.png') });
  await page.keyboard.press('Escape');

  // Text the knowledge lacks.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    const p = document.querySelector('#p2')!.firstChild as Text;
    const at = p.data.indexOf('Frobnicator 9000');
    const r = document.createRange();
    r.setStart(p, at);
    r.setEnd(p, at + 'Frobnicator 9000'.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  });
  await click({ menuItemId: 'modellens-lookup', selectionText: 'Frobnicator 9000' });
  await sleep(1000);
  await page.screenshot({ path: join(OUT, 'context-lookup-miss.png') });
  await page.keyboard.press('Escape');

  // "Don't highlight “GPT-5.4”": the highlight goes, the notice offers Undo.
  await page.evaluate(() => getSelection()!.removeAllRanges());
  const at = await rangeCenter(page, 'GPT-5.4');
  if (!at) throw new Error('no GPT-5.4 highlight');
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await sleep(500);
  await click({ menuItemId: 'modellens-mute' });
  await sleep(1500);
  await page.screenshot({ path: join(OUT, 'context-mute.png') });
  await storageSet(ext, { settings: null });
  console.log(`screenshots in ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
