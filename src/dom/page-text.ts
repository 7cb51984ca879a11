/**
 * What is read of a page as a whole, beside its blocks (src/dom/text-walker.ts): where the reader
 * is, a prefix of its text, and what tells its topic.
 */
import { blockOf, inSkipped, isInline } from './text-walker';

/** The block at the top of the viewport, to start scanning there (null: start at the top). */
export function firstVisibleBlock(doc: Document, root: Node): Element | null {
  if (root !== doc.body && root !== doc.documentElement && root !== doc) return null;
  const y = Math.min(40, (doc.defaultView?.innerHeight ?? 0) / 4);
  const el = doc.elementFromPoint?.((doc.defaultView?.innerWidth ?? 0) / 2, y);
  if (!el || el === doc.body || el === doc.documentElement) return null;
  if (inSkipped(el)) return null;
  const block = isInline(el) ? blockOf(el) : el;
  return block && block !== doc.body && block !== doc.documentElement ? block : null;
}

/**
 * The first `max` characters of `root`'s text. Not `textContent`, which on a 10 MB page builds a
 * 10 MB string (≈ 65 ms in one task) to keep its first 100 kB.
 */
export function textPrefix(root: Node, max: number): string {
  const w = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let n = 0;
  for (let t = w.nextNode(); t && n < max; t = w.nextNode()) {
    const s = (t as Text).data;
    parts.push(s);
    n += s.length;
  }
  return parts.join('').slice(0, max);
}

/** What tells a page's topic (src/core/context.ts topicOf): its title and first heading. */
export function pageHeadings(doc: Document): string[] {
  return [doc.title, doc.querySelector('h1')?.textContent ?? ''];
}
