/**
 * The fallback where the CSS Custom Highlight API is missing: each highlighted range is wrapped in
 * a <modellens-mark> element. Unlike everything else in ModelLens this edits the page, so it is
 * strictly reversible: the text node a range pointed into keeps its identity and, once its marks
 * are removed, its original data; every element and text node the wrapper made is removed again.
 * DOM edits run through `guard` so the engine's MutationObserver does not take them for the
 * page's own changes.
 */
import type { Highlighter } from './highlighter';

export const MARK_TAG = 'modellens-mark';
const STYLE = 'text-decoration:underline dotted #7c5cff 2px;text-underline-offset:3px;background:#7c5cff14';
const ACTIVE_STYLE = 'text-decoration:underline solid #5b3cf0 2px;text-underline-offset:3px;background:#7c5cff47';

interface Wrapped {
  mark: HTMLElement;
  /** The page's text node the range pointed into (keeps its identity). */
  origin: Text;
}

export interface WrapHighlighter extends Highlighter {
  /** A live Range over a wrapped range's text where it is now (its text node was split). */
  relocate(r: AbstractRange): Range | null;
}

/** The marks: which range each wraps, and the text pieces the wrapping split off. */
interface Marks {
  wrapped: Map<AbstractRange, Wrapped>;
  rangeOfMark: WeakMap<Element, AbstractRange>;
  /** Text nodes the wrapper split off, mapped to the page's node they came from. */
  ours: WeakMap<Text, Text>;
}

/** Where an offset of the origin's original text is now: (text node, offset) among the pieces. */
function locate({ rangeOfMark, ours }: Marks, origin: Text, offset: number, isEnd: boolean): [Text, number] | null {
  let pos = 0;
  for (let n: Node | null = origin; n; n = n.nextSibling) {
    const piece = n.nodeType === 3 ? (n as Text) : null;
    const inMark = n.nodeType === 1 && (n as Element).localName === MARK_TAG && rangeOfMark.has(n as Element);
    if (!piece && !inMark) break;
    if (piece && piece !== origin && !ours.has(piece)) break;
    const text = piece ?? ((n as Element).firstChild as Text);
    const len = text.data.length;
    // Offsets inside a mark belong to another range: a range never overlaps one already wrapped.
    if (piece && (offset < pos + len || (isEnd && offset === pos + len))) return [piece, offset - pos];
    pos += len;
  }
  return null;
}

/** Wrap and unwrap single ranges, keeping the page's text nodes' identity. */
function markEditor(doc: Document, marks: Marks) {
  const { wrapped, rangeOfMark, ours } = marks;
  const originOf = (t: Text): Text => ours.get(t) ?? t;

  const wrap = (r: AbstractRange) => {
    if (wrapped.has(r) || r.startContainer !== r.endContainer || r.startContainer.nodeType !== 3) return;
    const origin = originOf(r.startContainer as Text);
    if (!origin.parentNode) return;
    const s = locate(marks, origin, r.startOffset, false);
    const e = locate(marks, origin, r.endOffset, true);
    if (!s || !e || s[0] !== e[0] || e[1] <= s[1]) return;
    const [t, so] = s;
    const eo = e[1];
    let mid = t;
    // The origin itself never goes into a mark (it may end up empty meanwhile), so later ranges in
    // it can still be found from it and unwrapping merges back into it.
    if (so > 0 || t === origin) {
      mid = t.splitText(so);
      ours.set(mid, origin);
    }
    if (eo - so < mid.data.length) ours.set(mid.splitText(eo - so), origin);
    const mark = doc.createElement(MARK_TAG);
    mark.setAttribute('style', STYLE);
    mid.replaceWith(mark);
    mark.append(mid);
    rangeOfMark.set(mark, r);
    wrapped.set(r, { mark, origin });
  };

  const unwrap = (r: AbstractRange) => {
    const w = wrapped.get(r);
    if (!w) return;
    wrapped.delete(r);
    const { mark, origin } = w;
    const text = mark.firstChild as Text | null;
    if (text && mark.parentNode) mark.replaceWith(text);
    else mark.remove();
    // Merge the pieces back into the origin, which keeps its identity.
    if (!origin.parentNode) return;
    for (let n = origin.nextSibling; n && n.nodeType === 3 && ours.get(n as Text) === origin; n = origin.nextSibling) {
      origin.data += (n as Text).data;
      (n as Text).remove();
    }
  };

  /** The mark of a wrapped range, or of a live Range made by relocate() over a mark's text. */
  const markOf = (r: AbstractRange): HTMLElement | null => {
    const w = wrapped.get(r);
    if (w) return w.mark;
    const p = r.startContainer.parentNode;
    return p && p.nodeType === 1 && rangeOfMark.has(p as Element) ? (p as HTMLElement) : null;
  };

  return { wrap, unwrap, markOf };
}

export function createWrapHighlighter(doc: Document = document): WrapHighlighter {
  const marks: Marks = { wrapped: new Map(), rangeOfMark: new WeakMap(), ours: new WeakMap() };
  const { wrapped, rangeOfMark } = marks;
  const { wrap, unwrap, markOf } = markEditor(doc, marks);
  let active: AbstractRange[] = [];

  const paintActive = (on: boolean) => {
    for (const r of active) markOf(r)?.setAttribute('style', on ? ACTIVE_STYLE : STYLE);
  };

  const hl: WrapHighlighter = {
    guard: (edit) => edit(),
    add(ranges) {
      hl.guard!(() => {
        for (const r of ranges) wrap(r);
      });
    },
    remove(ranges) {
      hl.guard!(() => {
        // Last first, so pieces merge back in order.
        for (let i = ranges.length - 1; i >= 0; i--) unwrap(ranges[i]);
        active = active.filter((r) => markOf(r)?.isConnected);
      });
    },
    setActive(ranges) {
      hl.guard!(() => {
        paintActive(false);
        active = ranges ? [...ranges] : [];
        paintActive(true);
      });
    },
    clear() {
      hl.guard!(() => {
        active = [];
        for (const r of [...wrapped.keys()].reverse()) unwrap(r);
      });
    },
    relocate(r) {
      const w = wrapped.get(r);
      if (!w || !w.mark.firstChild) return null;
      const live = doc.createRange();
      live.selectNodeContents(w.mark.firstChild);
      return live;
    },
    rangeAt(node) {
      for (let n: Node | null = node; n; n = n.parentNode)
        if (n.nodeType === 1 && (n as Element).localName === MARK_TAG) return rangeOfMark.get(n as Element) ?? null;
      return null;
    },
    get count() {
      return wrapped.size;
    },
  };
  return hl;
}
