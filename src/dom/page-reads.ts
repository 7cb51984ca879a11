/** What the card needs to know about the page, read here so the card UI (src/ui) never reads the page. */
import type { PageReads } from '../ui/card-api';
import { readPublishDate } from './page-date';

/** Is the page dark where the card appears? Page background wins over the OS preference. */
function pageIsDark(doc: Document): boolean {
  const parse = (c: string) => c.match(/[\d.]+/g)?.map(Number) ?? [];
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const [r, g, b, a = 1] = parse(getComputedStyle(el).backgroundColor);
    if (a > 0.5 && r !== undefined) return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  }
  return doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

export function pageReads(doc: Document): PageReads {
  return {
    dark: () => pageIsDark(doc),
    publishDate: () => readPublishDate(doc),
    focused: () => doc.activeElement as HTMLElement | null,
  };
}
