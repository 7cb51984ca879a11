/**
 * Matching in real browsers (tests/fixtures/pages/matching-split.html): a name split across inline
 * elements is one mention painted as several Ranges; block boundaries split names; text in links
 * and code is matched; inputs, textareas, selects, editors, scripts, styles, noscript, opted-out
 * and hidden content never are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { join } from 'node:path';
import { browsersToTest, cardText, launch, ROOT, serve, sleep, waitForHighlights, type StaticServer } from '../../scripts/browser/harness';

let server: StaticServer;
beforeAll(async () => {
  server = await serve(join(ROOT, 'tests/fixtures/pages'));
});
afterAll(async () => server?.close());

/** Every highlighted Range, in document order: one per text node a mention covers. */
const EXPECTED = [
  'Gemini 2.5 ', 'Pro', // Gemini 2.5 <b>Pro</b>
  'Claude', ' Opus 4.6', // <a>Claude</a> Opus 4.6
  'GPT-5.4 ', 'mini', // <em>GPT-5.4 <span>mini</span></em>
  'claude-opus-4-6', // in <code>
  'GPT\u20115.4', // non-breaking hyphen
  'GPT-5.4', // <li>GPT-5.4</li><li>mini</li>: the block boundary ends the name
];

/**
 * The 'modellens' highlight as live Ranges in document order (it may hold StaticRanges), mapped
 * by `fn` in the page. `fn` is a function source: (ranges: Range[], arg) => result.
 */
function onRanges<T>(page: Page, fn: string, arg: unknown = null): Promise<T> {
  return page.evaluate(
    (src: string, a: unknown) => {
      const h = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('modellens');
      const ranges = [...(h ?? [])].map((s) => {
        const r = document.createRange();
        r.setStart(s.startContainer, s.startOffset);
        r.setEnd(s.endContainer, s.endOffset);
        return r;
      });
      ranges.sort((x, y) => x.compareBoundaryPoints(Range.START_TO_START, y));
      return new Function('ranges', 'arg', `return (${src})(ranges, arg)`)(ranges, a);
    },
    fn,
    arg,
  ) as Promise<T>;
}

const texts = (page: Page) => onRanges<string[]>(page, '(rs) => rs.map((r) => r.toString())');

/** Centre of the first highlighted range whose text is `text`. */
const centerOf = (page: Page, text: string) =>
  onRanges<{ x: number; y: number } | null>(
    page,
    `(rs, t) => { for (const r of rs) { if (r.toString() !== t) continue; const b = r.getClientRects()[0];
       if (b) return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; } return null; }`,
    text,
  );

const NEVER = 'textarea, input, select, [contenteditable], script, style, noscript, [translate="no"], [data-modellens="off"], [hidden], .gone';

describe.each(browsersToTest())('matching in %s', (name) => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.newPage();
    await page.goto(`${server.url}/matching-split.html`);
    await waitForHighlights(page, EXPECTED.length);
    await sleep(500); // let the scan settle: nothing more may appear
  });
  afterAll(async () => browser?.close());

  it('paints split names as several Ranges and splits names at block boundaries', async () => {
    expect(await texts(page)).toEqual(EXPECTED);
  });

  it('never paints text in inputs, editors, scripts, styles, opted-out or hidden content', async () => {
    const inside = await onRanges<string[]>(page, '(rs, sel) => rs.filter((r) => r.startContainer.parentElement.closest(sel)).map((r) => r.toString())', NEVER);
    expect(inside).toEqual([]);
  });

  /** Hover a highlighted piece with the real mouse until the card names `whole`. */
  async function cardFor(piece: string, whole: RegExp): Promise<string> {
    await page.keyboard.press('Escape');
    const at = await centerOf(page, piece);
    expect(at, piece).not.toBeNull();
    await page.mouse.move(at!.x + 120, at!.y + 160);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    await page.waitForFunction(
      (src: string) => {
        const card = document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card') as HTMLElement | null;
        return !!card && !(card.parentElement as HTMLElement).hidden && new RegExp(src).test(card.textContent ?? '');
      },
      { timeout: 10_000 },
      whole.source,
    );
    return (await cardText(page)) ?? '';
  }

  it('treats "Gemini 2.5 <b>Pro</b>" as one mention of Gemini 2.5 Pro', async () => {
    expect(await cardFor('Pro', /Gemini 2\.5 Pro/)).toMatch(/Gemini 2\.5 Pro/);
  });

  it('treats "<a>Claude</a> Opus 4.6" as one mention of Claude Opus 4.6', async () => {
    expect(await cardFor('Claude', /Claude Opus 4\.6/)).toMatch(/Claude Opus 4\.6/);
  });
});
