/** What the card e2e tests read of the open card (inside its shadow root). */
import type { Page } from 'puppeteer-core';
import { rangeCenter } from '../../scripts/browser/harness';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  height: number;
  width: number;
}

export interface CardLayout {
  card: Box;
  /** The card's content is taller than the card (it scrolls). */
  scrolls: boolean;
  status: Box | null;
  summary: Box | null;
  vw: number;
  vh: number;
  expanded: string | null;
  moreLabel: string | null;
  facts: number;
}

/** The open card's layout, or null when no card shows. */
export function cardLayout(page: Page): Promise<CardLayout | null> {
  return page.evaluate(() => {
    const root = document.querySelector('modellens-ui')?.shadowRoot;
    const card = root?.querySelector('.card') as HTMLElement | null;
    if (!card || (card.parentElement as HTMLElement).hidden) return null;
    const box = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height, width: r.width };
    };
    const more = card.querySelector('button.more');
    return {
      card: box(card)!,
      scrolls: card.scrollHeight > card.clientHeight + 1,
      status: box(card.querySelector('.status')),
      summary: box(card.querySelector('.summary')),
      vw: innerWidth,
      vh: innerHeight,
      expanded: more?.getAttribute('aria-expanded') ?? null,
      moreLabel: more?.textContent ?? null,
      facts: card.querySelectorAll('.fact').length,
    };
  });
}

/** Wait for the open card's name to match `re` and its entry to have loaded. */
export const waitCardNamed = (page: Page, re: RegExp, timeout = 8000) =>
  page.waitForFunction(
    (src: string) => {
      const card = document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.card') as HTMLElement | null;
      if (!card || (card.parentElement as HTMLElement).hidden || !card.querySelector('.status')) return false;
      return new RegExp(src).test(card.querySelector('.name')?.textContent ?? '');
    },
    { timeout, polling: 50 },
    re.source,
  );

export const waitNoCard = (page: Page, timeout = 8000) =>
  page.waitForFunction(
    () => {
      const layer = document.querySelector('modellens-ui')?.shadowRoot?.querySelector('.layer') as HTMLElement | null;
      return !layer || layer.hidden;
    },
    { timeout, polling: 50 },
  );

/** The focused element inside the card's shadow root: its class and text. */
export const cardFocus = (page: Page) =>
  page.evaluate(() => {
    const a = document.querySelector('modellens-ui')?.shadowRoot?.activeElement as HTMLElement | null;
    return a ? { cls: a.className, text: a.textContent ?? '' } : null;
  });

export async function mentionAt(page: Page, text: string): Promise<{ x: number; y: number }> {
  const at = await rangeCenter(page, text);
  if (!at) throw new Error(`no highlight "${text}"`);
  return at;
}

/** Centre of an element inside the card, by selector. */
export const inCard = (page: Page, sel: string) =>
  page.evaluate((s: string) => {
    const el = document.querySelector('modellens-ui')?.shadowRoot?.querySelector(s);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, sel);
