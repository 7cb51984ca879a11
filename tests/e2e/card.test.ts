/**
 * The card in real browsers: hover intent timing, the card staying while hovered, Esc, the
 * keyboard tour, viewport edges, a dark page, compare, and an axe-core accessibility check of the
 * compact and the expanded card (the compact card's own tests: compact-card.test.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browsersToTest, cardText, launch, rangeCenter, ROOT, serve, sleep, waitForHighlights, type StaticServer } from '../../scripts/browser/harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: StaticServer;
beforeAll(async () => {
  server = await serve(join(ROOT, 'tests/fixtures/pages'));
});
afterAll(async () => server?.close());

const cardRect = (page: Page) =>
  page.evaluate(() => {
    const card = document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card') as HTMLElement | null;
    if (!card || (card.parentElement as HTMLElement).hidden) return null;
    const r = card.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, vw: innerWidth, vh: innerHeight };
  });

/** All four sides of the card inside the viewport. */
function expectOnScreen(r: { left: number; top: number; right: number; bottom: number; vw: number; vh: number }, label = '') {
  expect(r.left, label).toBeGreaterThanOrEqual(0);
  expect(r.top, label).toBeGreaterThanOrEqual(0);
  expect(r.right, label).toBeLessThanOrEqual(r.vw);
  expect(r.bottom, label).toBeLessThanOrEqual(r.vh);
}

const waitCard = (page: Page, re: RegExp, timeout = 8000) =>
  page.waitForFunction(
    (src: string) => {
      const card = document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card') as HTMLElement | null;
      if (!card || (card.parentElement as HTMLElement).hidden) return false;
      const clone = card.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('select').forEach((s) => s.remove()); // "Compare with" lists other names
      return new RegExp(src).test(clone.textContent ?? '');
    },
    { timeout, polling: 50 },
    re.source,
  );

const waitNoCard = (page: Page, timeout = 8000) =>
  page.waitForFunction(
    () => {
      const layer = document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.layer') as HTMLElement | null;
      return !layer || layer.hidden;
    },
    { timeout, polling: 50 },
  );

async function hover(page: Page, text: string) {
  const at = await rangeCenter(page, text);
  if (!at) throw new Error(`no highlight "${text}"`);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  return at;
}

describe.each(browsersToTest())('card in %s', (name) => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 800 });
    await page.goto(`${server.url}/leak-article.html`);
    await waitForHighlights(page, 10);
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    // Each test starts with no card and the pointer away from any mention.
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 790);
    await waitNoCard(page);
  });

  it('waits for hover intent, then hides after the grace period', async () => {
    await page.mouse.move(5, 790);
    await sleep(500);
    await hover(page, 'GPT-5.4');
    await sleep(120);
    expect(await cardText(page)).toBeNull(); // not before the show delay
    await waitCard(page, /GPT-5\.4/);
    await page.mouse.move(5, 790);
    await sleep(100);
    expect(await cardText(page)).not.toBeNull(); // grace period
    await waitNoCard(page, 3000);
  });

  it('stays open while the pointer is on the card, and Esc closes it', async () => {
    const at = await hover(page, 'Claude Opus 4.6');
    await waitCard(page, /Claude Opus 4\.6/);
    const r = (await cardRect(page))!;
    const tx = Math.min(Math.max(at.x, r.left + 20), r.right - 20);
    const ty = r.top > at.y ? r.top + 30 : r.bottom - 30;
    await page.mouse.move(tx, ty, { steps: 6 });
    await sleep(1000);
    expect(await cardText(page)).toMatch(/Claude Opus 4\.6/);
    await page.keyboard.press('Escape');
    await waitNoCard(page);
  });

  it('compares two models mentioned on the page', async () => {
    await hover(page, 'Claude Opus 4.6');
    await waitCard(page, /Compare with/);
    await page.evaluate(() => {
      const sel = document.querySelector('modellens-ui')!.shadowRoot!.querySelector('.cmp select') as HTMLSelectElement;
      const opt = [...sel.options].find((o) => o.textContent === 'GPT-5.4')!;
      sel.value = opt.value;
      sel.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction(() => !!document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.compare table'));
    const headers = await page.evaluate(() =>
      [...document.querySelector('modellens-ui')!.shadowRoot!.querySelectorAll('.compare thead th')].map((t) => t.textContent),
    );
    expect(headers.slice(1)).toEqual(['Claude Opus 4.6', 'GPT-5.4']);
    await page.keyboard.press('Escape');
    await waitNoCard(page);
  });

  it('passes an axe-core accessibility check with the card open, compact and expanded', async () => {
    await hover(page, 'Mythos');
    await waitCard(page, /Anthropic/);
    await page.evaluate(axeSource);
    const check = () =>
      page.evaluate(async () => {
        type Res = { violations: { id: string; nodes: unknown[] }[]; passes: { id: string }[] };
        const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Res> } }).axe;
        const r = await axe.run({ include: { fromShadowDom: ['modellens-ui', '.card'] } }, {});
        return { violations: r.violations.map((v) => `${v.id} (${v.nodes.length})`), passes: r.passes.map((p) => p.id) };
      });
    const compact = await check();
    expect(compact.violations).toEqual([]);
    // The card itself was checked (inside the shadow root), not an empty selection.
    expect(compact.passes.length).toBeGreaterThan(10);
    expect(compact.passes).toContain('aria-dialog-name');
    // "N more facts" opens the rest: every fact, specs, related entries.
    await page.evaluate(() => (document.querySelector('modellens-ui')!.shadowRoot!.querySelector('button.more') as HTMLButtonElement).click());
    await page.waitForFunction(() => !!document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.more-body:not([hidden]) .links'));
    const expanded = await check();
    expect(expanded.violations).toEqual([]);
    expect(expanded.passes).toContain('aria-valid-attr-value'); // aria-expanded / aria-controls
    await page.keyboard.press('Escape');
    await waitNoCard(page);
  });

  it('tours mentions from the keyboard, announces them, and Esc gives focus back', async () => {
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyN');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    // The loaded card (its full name), which takes focus; while loading it shows "Mythos" as written.
    await waitCard(page, /Claude Mythos/);
    const state = await page.evaluate(() => {
      const root = document.querySelector('modellens-ui')!.shadowRoot!;
      const active = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('modellens-active')!;
      return {
        focused: root.activeElement?.classList.contains('card') ?? false,
        live: root.querySelector('[aria-live]')?.textContent ?? '',
        active: [...active].map((r) => r.toString()),
      };
    });
    expect(state.focused).toBe(true);
    expect(state.live).toMatch(/mention 1 of \d+/);
    expect(state.active).toEqual(['Mythos']);
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyN');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await waitCard(page, /Capybara/);
    await page.keyboard.press('Escape');
    await waitNoCard(page);
    const focusBack = await page.evaluate(() => document.activeElement?.tagName);
    expect(focusBack).not.toBe('MODELLENS-UI');
  });

  it('shows the unknown-version card for a version the knowledge lacks', async () => {
    const p = await browser.newPage();
    try {
      await p.setViewport({ width: 1000, height: 700 });
      await p.goto(`${server.url}/card-dark.html`);
      await waitForHighlights(p, 3);
      await hover(p, 'GPT-5.9');
      await waitCard(p, /not in ModelLens's knowledge/);
      // A dark page gets the dark card
      const dark = await p.evaluate(() => {
        const layer = document.querySelector('modellens-ui')!.shadowRoot!.querySelector('.layer')!;
        const bg = getComputedStyle(layer.querySelector('.card')!).backgroundColor.match(/\d+/g)!.map(Number);
        return { cls: layer.classList.contains('dark'), lum: 0.2126 * bg[0] + 0.7152 * bg[1] + 0.0722 * bg[2] };
      });
      expect(dark.cls).toBe(true);
      expect(dark.lum).toBeLessThan(80);
    } finally {
      await p.close();
    }
  });

  it('keeps the card on screen for terms at every viewport edge', async () => {
    const p = await browser.newPage();
    try {
      await p.setViewport({ width: 900, height: 600 });
      await p.goto(`${server.url}/card-edges.html`);
      await waitForHighlights(p, 5);
      for (const [text, re] of [
        ['Claude Opus 4.6', /Opus 4\.6/],
        ['Gemini 2.5 Pro', /Gemini 2\.5 Pro/],
        ['GPT-5.4', /GPT-5\.4/],
        ['Claude Code', /Claude Code/],
      ] as const) {
        await p.mouse.move(450, 300);
        await p.keyboard.press('Escape');
        await hover(p, text);
        await waitCard(p, re);
        await sleep(150); // let Floating UI settle
        const r = (await cardRect(p))!;
        expectOnScreen(r, text);
      }
    } finally {
      await p.close();
    }
  });

  it('keeps a pinned card open, and a click outside closes it', async () => {
    await hover(page, 'GPT-5.4');
    await waitCard(page, /GPT-5\.4/);
    // The pin button comes with the entry: the card shows the name while it loads.
    await page.waitForFunction(() => !!document.querySelector('modellens-ui')?.shadowRoot?.querySelector('button[aria-pressed]'), { timeout: 8000 });
    await page.evaluate(() => (document.querySelector('modellens-ui')!.shadowRoot!.querySelector('button[aria-pressed]') as HTMLButtonElement).click());
    await page.mouse.move(5, 790);
    await sleep(1200);
    expect(await cardText(page)).toMatch(/GPT-5\.4/);
    await page.mouse.click(20, 780);
    await waitNoCard(page, 3000);
  });

  it('keeps page CSS out of the card, in an RTL page, and respects reduced motion', async () => {
    const p = await browser.newPage();
    try {
      await p.setViewport({ width: 800, height: 600 });
      // Firefox gets reduced motion from a launch pref (harness.ts); BiDi has no media emulation.
      if (name === 'chromium') await p.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      await p.goto(`${server.url}/card-rtl.html`);
      await waitForHighlights(p, 3);
      await hover(p, 'Claude Opus 4.6');
      await waitCard(p, /Claude Opus 4\.6/);
      const style = await p.evaluate(() => {
        const card = document.querySelector('modellens-ui')!.shadowRoot!.querySelector('.card') as HTMLElement;
        const name = card.querySelector('.name') as HTMLElement;
        const cs = getComputedStyle(card);
        return { size: getComputedStyle(name).fontSize, color: getComputedStyle(name).color, bg: cs.backgroundColor, border: cs.borderStyle, anim: cs.animationName };
      });
      expect(style.size).toBe('15px');
      expect(style.color).not.toBe('rgb(204, 0, 0)');
      expect(style.bg).not.toBe('rgb(255, 255, 0)');
      expect(style.border).not.toBe('dashed');
      expect(style.anim).toBe('none');
      const r = (await cardRect(p))!;
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThanOrEqual(r.vw);
      await p.keyboard.press('Escape');
      await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await sleep(200);
      await hover(p, 'Gemini 2.5 Pro');
      await waitCard(p, /Gemini 2\.5 Pro/);
      await sleep(150);
      const r2 = (await cardRect(p))!;
      expect(r2.top).toBeGreaterThanOrEqual(0);
      expect(r2.bottom).toBeLessThanOrEqual(r2.vh);
    } finally {
      await p.close();
    }
  });

  it('keeps the card inside a same-origin frame and on screen at 200% zoom', async () => {
    const p = await browser.newPage();
    try {
      await p.setViewport({ width: 900, height: 600 });
      await p.goto(`${server.url}/card-frame.html`);
      const frame = await (await p.waitForSelector('iframe'))!.contentFrame();
      await frame.waitForFunction(() => ((CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights?.get('modellens')?.size ?? 0) >= 2, {
        timeout: 15_000,
      });
      const box = (await (await p.$('iframe'))!.boundingBox())!;
      // The mention at the frame's bottom-right corner: the card must fit inside the frame.
      const at = await frame.evaluate(() => {
        const r = document.getElementById('edge')!.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await p.mouse.move(box.x + at.x, box.y + at.y, { steps: 3 });
      await frame.waitForFunction(() => /GPT-5\.4/.test(document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card .name')?.textContent ?? ''), {
        timeout: 8000,
      });
      await sleep(150);
      const r = await frame.evaluate(() => {
        const b = document.querySelector('modellens-ui')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
        return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, vw: innerWidth, vh: innerHeight };
      });
      expectOnScreen(r, 'frame');

      // 200% zoom of a 1280×800 window lays the page out in a 640×400 CSS-pixel viewport.
      await p.setViewport({ width: 640, height: 400 });
      await p.goto(`${server.url}/card-edges.html`);
      await waitForHighlights(p, 5);
      for (const [text, re] of [
        ['Gemini 2.5 Pro', /Gemini 2\.5 Pro/],
        ['Claude Code', /Claude Code/],
      ] as const) {
        await p.mouse.move(320, 200);
        await p.keyboard.press('Escape');
        await hover(p, text);
        await waitCard(p, re);
        await sleep(150);
        const z = (await cardRect(p))!;
        expectOnScreen(z, text);
      }
    } finally {
      await p.close();
    }
  });
});
