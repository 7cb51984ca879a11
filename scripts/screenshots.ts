/**
 * README screenshots of the card over real-looking articles, taken in headless Chromium with the
 * built extension (npm run build first): light, dark, compare and unknown version.
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
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
