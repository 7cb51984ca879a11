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

/** Where a looked-up selection is: the focused text field (its selection is not the page's), else the selected text. */
function selectionRange(doc: Document): Range {
  const r = doc.createRange();
  const el = doc.activeElement;
  const sel = doc.getSelection();
  if (el && (el.localName === 'textarea' || el.localName === 'input')) r.selectNode(el);
  else if (sel?.rangeCount) return sel.getRangeAt(0).cloneRange();
  else r.selectNodeContents(doc.body);
  return r;
}

export function pageReads(doc: Document): PageReads {
  return {
    selection: () => selectionRange(doc),
    dark: () => pageIsDark(doc),
    publishDate: () => readPublishDate(doc),
    focused: () => doc.activeElement as HTMLElement | null,
  };
}
