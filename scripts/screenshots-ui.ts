/**
 * Screenshots of the extension's own pages — popup, options, knowledge browser — in headless
 * Chromium with the built extension (npm run build first; MODELLENS_OUT_DIR picks the build).
 * The popup is opened as a page for the tab it describes (popup.html?tab=<id>), at popup size.
 * Usage: npm run screenshots:ui
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serve, sleep, waitForHighlights } from './browser/harness';
import { extensionOrigin, launchWithPages, openExtensionPage, storageSet, tabIdForHost } from './browser/ext-pages';

const OUT = join(ROOT, 'docs/screenshots');
mkdirSync(OUT, { recursive: true });

/** A user entry, so the options page and the browser show "Your note". */
const NOTE = {
  id: 'smalllab/zephyrine-7',
  name: 'Zephyrine-7',
  vendor: 'Small Lab',
  kind: 'model',
  summary: 'An open-weights coding model from a small lab; my notes from its launch post.',
  aliases: ['Zephyrine-7', 'zephyrine-7b'],
  lifecycle: { value: 'ga', source: { url: 'https://example.org/zephyrine', title: 'Launch post', published: '2026-05-01', retrieved: '2026-06-01' }, status: 'reported', asOf: '2026-06-01' },
  reviewed: '2026-06-01',
};

const server = await serve(join(ROOT, 'tests/fixtures/pages'));
const browser = await launchWithPages('chromium');
try {
  const origin = await extensionOrigin(browser, 'chromium');
  const article = await browser.newPage();
  await article.setViewport({ width: 1200, height: 860 });
  await article.goto(`${server.url}/leak-article.html`);
  await waitForHighlights(article, 10);

  // Options, with one imported entry (imported the way the page does it, through its textarea).
  const options = await browser.newPage();
  await options.setViewport({ width: 900, height: 900 });
  await openExtensionPage(options, `${origin}/options.html`, '#import-text');
  await options.$eval('#import-text', (el, v) => {
    (el as HTMLTextAreaElement).value = v as string;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, JSON.stringify({ entries: [NOTE] }));
  await options.click('#import');
  await options.waitForSelector('#import-ok');
  await options.type('#muted', 'Gemini');
  await options.keyboard.press('Enter');
  await options.type('#deny', 'intranet.example.com');
  await options.keyboard.press('Enter');
  await options.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await sleep(1600); // the "Saved" flag fades
  await options.screenshot({ path: join(OUT, 'options.png'), fullPage: true });
  // Leave the settings as they were for the other shots.
  await storageSet(options, { settings: null });

  // Popup for the article's tab, at the size the browser gives it.
  const popup = await browser.newPage();
  await popup.setViewport({ width: 340, height: 560 });
  await openExtensionPage(popup, `${origin}/popup.html`);
  const tabId = await tabIdForHost(popup, '127.0.0.1');
  await openExtensionPage(popup, `${origin}/popup.html?tab=${tabId}`, '.entity');
  await sleep(1200);
  await popup.screenshot({ path: join(OUT, 'popup.png') });

  // Knowledge browser: a search, one entry's card.
  const kb = await browser.newPage();
  await kb.setViewport({ width: 1200, height: 800 });
  await openExtensionPage(kb, `${origin}/knowledge.html?q=opus&id=anthropic%2Fclaude-opus-4-6`, '#card-host');
  await kb.waitForFunction(() => !!document.querySelector('#card-host')?.shadowRoot?.querySelector('.card'));
  await sleep(300);
  await kb.screenshot({ path: join(OUT, 'knowledge.png') });
  await openExtensionPage(kb, `${origin}/knowledge.html?id=${encodeURIComponent(NOTE.id)}`, '#card-host');
  await kb.waitForFunction(() => !!document.querySelector('#card-host')?.shadowRoot?.querySelector('.card'));
  await sleep(300);
  await kb.screenshot({ path: join(OUT, 'knowledge-your-note.png') });
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
