/**
 * README screenshots of the card over real-looking articles, taken in headless Chromium with the
 * built extension (npm run build first): the compact card, the same card expanded ("N more
 * facts"), dark, compare, unknown version, and a tap on a 360 px touch screen.
 * Usage: npm run screenshots
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launch, rangeCenter, ROOT, serve, sleep, waitForHighlights } from './browser/harness';

const OUT = join(ROOT, 'docs/screenshots');
mkdirSync(OUT, { recursive: true });

async function hoverAndWait(page: Page, text: string) {
  const at = await rangeCenter(page, text);
  if (!at) throw new Error(`no highlight for ${text}`);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  await page.waitForFunction(() => {
    const card = document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card');
    return !!card && !/Loading/.test(card.textContent ?? '');
  });
  await sleep(300);
}

const server = await serve(join(ROOT, 'tests/fixtures/pages'));
const browser = await launch('chromium');
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 860, deviceScaleFactor: 1 });

  await page.goto(`${server.url}/leak-article.html`);
  await waitForHighlights(page, 10);
  await hoverAndWait(page, 'Mythos');
  await page.screenshot({ path: join(OUT, 'card-light.png') });
  await page.evaluate(() => (document.querySelector('modellens-ui')!.shadowRoot!.querySelector('button.more') as HTMLButtonElement).click());
  await page.waitForFunction(() => !!document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.more-body:not([hidden])'));
  await sleep(200);
  await page.screenshot({ path: join(OUT, 'card-expanded.png') });

  await page.keyboard.press('Escape');
  await hoverAndWait(page, 'Claude Opus 4.6');
  await page.evaluate(() => {
    const sel = document.querySelector('modellens-ui')!.shadowRoot!.querySelector('.cmp select') as HTMLSelectElement;
    sel.value = [...sel.options].find((o) => o.textContent === 'GPT-5.4')!.value;
    sel.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => !!document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.compare'));
  await sleep(200);
  await page.screenshot({ path: join(OUT, 'card-compare.png') });

  await page.keyboard.press('Escape');
  await page.goto(`${server.url}/card-dark.html`);
  await waitForHighlights(page, 3);
  await hoverAndWait(page, 'Claude Sonnet 4.8');
  await page.screenshot({ path: join(OUT, 'card-dark.png') });
  await page.keyboard.press('Escape');
  await hoverAndWait(page, 'GPT-5.9');
  await page.screenshot({ path: join(OUT, 'card-unknown-version.png') });

  // A phone: 360×740 CSS px, touch; a tap on "Opus 4.7" opens its card.
  const phone = await browser.newPage();
  await phone.setViewport({ width: 360, height: 740, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await phone.goto(`${server.url}/leak-article.html`);
  await waitForHighlights(phone, 10);
  await phone.evaluate(() => window.scrollBy(0, 360));
  await sleep(300);
  const at = await rangeCenter(phone, 'Opus 4.7');
  if (!at) throw new Error('no highlight for Opus 4.7');
  await phone.touchscreen.tap(at.x, at.y);
  await phone.waitForFunction(() => !!document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card .status'));
  await sleep(300);
  await phone.screenshot({ path: join(OUT, 'card-touch.png') });
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
