/**
 * The compact card in real browsers: the first view of Claude Opus 4.7 and of Mythos fits 320 px
 * with status and summary visible without scrolling; "N more facts" opens and closes from the
 * keyboard and stays open while the card is pinned; the expanded card stays within 60% of the
 * viewport and scrolls inside; on a 360×740 touch screen a tap opens the card and a tap outside or
 * on the close button closes it, and pin and expand work by tap.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { join } from 'node:path';
import { browsersToTest, launch, ROOT, serve, sleep, waitForHighlights, type StaticServer } from '../../scripts/browser/harness';
import { cardFocus, cardLayout, inCard, mentionAt, waitCardNamed, waitNoCard, type CardLayout } from './card-helpers';

let server: StaticServer;
beforeAll(async () => {
  server = await serve(join(ROOT, 'tests/fixtures/pages'));
});
afterAll(async () => server?.close());

/** Status and summary inside the card and the viewport; nothing to scroll; ≤ 320 px. */
function expectFirstView(l: CardLayout, label: string) {
  expect(l.card.height, label).toBeLessThanOrEqual(320);
  expect(l.card.width, label).toBeLessThanOrEqual(380);
  expect(l.scrolls, label).toBe(false);
  for (const part of [l.status!, l.summary!]) {
    expect(part, label).not.toBeNull();
    expect(part.height, label).toBeGreaterThan(0);
    expect(part.top, label).toBeGreaterThanOrEqual(Math.max(0, l.card.top));
    expect(part.bottom, label).toBeLessThanOrEqual(Math.min(l.vh, l.card.bottom));
  }
}

async function tour(page: Page) {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyN');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

/** Tab through the card until focus is on an element matching `cls` (at most 30 steps). */
async function tabTo(page: Page, cls: RegExp) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const f = await cardFocus(page);
    if (f && cls.test(f.cls)) return f;
  }
  throw new Error(`Tab never reached ${cls}`);
}

describe.each(browsersToTest())('compact card in %s', (name) => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${server.url}/leak-article.html`);
    await waitForHighlights(page, 10);
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 890);
    await waitNoCard(page);
  });

  it('shows Claude Opus 4.7 and Mythos in ≤ 320 px with status and summary, nothing to scroll', async () => {
    for (const [text, re] of [
      ['Opus 4.7', /Claude Opus 4\.7/],
      ['Mythos', /Claude Mythos/],
    ] as const) {
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 890);
      await waitNoCard(page);
      const at = await mentionAt(page, text);
      await page.mouse.move(at.x, at.y, { steps: 3 });
      await waitCardNamed(page, re);
      await sleep(200); // Floating UI settles
      const l = (await cardLayout(page))!;
      console.log(`${name}: ${text} first view ${l.card.width}×${l.card.height.toFixed(1)} px, ${l.facts} facts, "${l.moreLabel}"`);
      expectFirstView(l, text);
      expect(l.expanded).toBe('false');
      expect(l.facts).toBeGreaterThanOrEqual(1);
      expect(l.moreLabel).toMatch(/^\d+ more facts?/);
    }
  });

  it('opens and closes "N more facts" from the keyboard, kept while pinned', async () => {
    await tour(page);
    await waitCardNamed(page, /Claude Mythos/);
    const before = (await cardLayout(page))!;
    expect(before.expanded).toBe('false');
    await tabTo(page, /\bmore\b/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('modellens-ui')!.shadowRoot!.querySelector('button.more')?.getAttribute('aria-expanded') === 'true');
    const open = (await cardLayout(page))!;
    expect(open.facts).toBeGreaterThan(before.facts);
    // Longer content scrolls inside the card, which stays within 60% of the viewport.
    expect(open.card.height).toBeLessThanOrEqual(open.vh * 0.6 + 1);
    expect(open.scrolls).toBe(true);
    expect((await cardFocus(page))?.cls).toMatch(/\bmore\b/);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('modellens-ui')!.shadowRoot!.querySelector('button.more')?.getAttribute('aria-expanded') === 'false');
    expect((await cardLayout(page))!.facts).toBe(before.facts);

    // Pinned: the open state follows to the next entry shown in the card (a related entry).
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('modellens-ui')!.shadowRoot!.querySelector('button.more')?.getAttribute('aria-expanded') === 'true');
    await page.evaluate(() => (document.querySelector('modellens-ui')!.shadowRoot!.querySelector('button[aria-pressed]') as HTMLButtonElement).focus());
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('modellens-ui')!.shadowRoot!.querySelector('button[aria-pressed="true"]'));
    await tabTo(page, /\blink\b/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !/Mythos$/.test(document.querySelector('modellens-ui')!.shadowRoot!.querySelector('.card .name')?.textContent ?? 'Mythos'));
    await waitCardNamed(page, /./);
    expect((await cardLayout(page))!.expanded).toBe('true');
    await page.keyboard.press('Escape');
    await waitNoCard(page);
    // Closed and shown again: compact.
    await tour(page);
    await waitCardNamed(page, /./);
    expect((await cardLayout(page))!.expanded).toBe('false');
  });
});

describe.each(browsersToTest())('touch in %s', (name) => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.newPage();
    await page.setViewport({ width: 360, height: 740, hasTouch: true, isMobile: name === 'chromium' });
    await page.goto(`${server.url}/leak-article.html`);
    await waitForHighlights(page, 10);
  });
  afterAll(async () => browser?.close());

  it('a tap opens the card, fitting 360 px; tap outside and the close button close it; pin and expand work by tap', async () => {
    // Which pointers the page sees: the taps must be touch, not a mouse standing in for it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { pointerTypes: string[] }).pointerTypes = seen;
      for (const t of ['pointerdown', 'pointermove', 'pointerup']) addEventListener(t, (e) => seen.push(`${t}:${(e as PointerEvent).pointerType}`), true);
      addEventListener('touchstart', () => seen.push('touchstart'), true);
    });
    const opus = await mentionAt(page, 'Opus 4.7');
    await page.touchscreen.tap(opus.x, opus.y);
    await waitCardNamed(page, /Claude Opus 4\.7/);
    await sleep(200);
    const l = (await cardLayout(page))!;
    console.log(`${name} touch: card ${l.card.left.toFixed(0)}–${l.card.right.toFixed(0)} of ${l.vw} px, ${l.card.height.toFixed(1)} px tall`);
    expect(l.vw).toBe(360);
    expect(l.card.left).toBeGreaterThanOrEqual(0);
    expect(l.card.right).toBeLessThanOrEqual(360);
    expectFirstView(l, 'touch');
    expect(l.facts, 'a news fact in the first view at 360 px too').toBeGreaterThanOrEqual(1);
    // No hover: the card stays after the finger lifts.
    await sleep(1000);
    expect(await cardLayout(page)).not.toBeNull();

    // Expand and pin by tap.
    const more = (await inCard(page, 'button.more'))!;
    await page.touchscreen.tap(more.x, more.y);
    await page.waitForFunction(() => document.querySelector('modellens-ui')!.shadowRoot!.querySelector('button.more')?.getAttribute('aria-expanded') === 'true');
    const pin = (await inCard(page, 'button[aria-pressed]'))!;
    await page.touchscreen.tap(pin.x, pin.y);
    await page.waitForFunction(() => document.querySelector('modellens-ui')!.shadowRoot!.querySelector('button[aria-pressed="true"]'));
    expect((await cardLayout(page))!.expanded).toBe('true');

    // A tap outside closes it (the page's header, far from any mention).
    await page.touchscreen.tap(180, 12);
    await waitNoCard(page);

    // The close button closes it.
    const mythos = await mentionAt(page, 'Mythos');
    await page.touchscreen.tap(mythos.x, mythos.y);
    await waitCardNamed(page, /Claude Mythos/);
    const close = (await inCard(page, 'button.icon:not([aria-pressed])'))!;
    await page.touchscreen.tap(close.x, close.y);
    await waitNoCard(page);
    const types = await page.evaluate(() => (window as unknown as { pointerTypes: string[] }).pointerTypes);
    console.log(`${name} touch: pointer events seen: ${[...new Set(types)].join(', ')}`);
    expect(types.filter((t) => t.startsWith('pointerdown:'))).toEqual(Array(6).fill('pointerdown:touch')); // six taps;
    expect(types.filter((t) => t.startsWith('pointer') && !t.endsWith(':touch'))).toEqual([]);
    console.log(`${name} touch: ${types.filter((t) => t === 'touchstart').length} touchstart events`);
  });
});
