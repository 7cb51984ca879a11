/**
 * Which mention is under a point, without touching the page: caret position from point →
 * (text node, offset) → the mention holding it → confirmed against the Range's boxes, since the
 * caret APIs snap to the nearest text even when the pointer is in empty space.
 */
import type { Mention } from './mentions';

interface CaretPos {
  node: Node;
  offset: number;
}

function caretFromPoint(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): CaretPos | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, o?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    // shadowRoots: let the caret land inside the open shadow roots ModelLens scanned.
    const p = shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function inRects(r: Range, x: number, y: number, slop = 1): boolean {
  for (const b of r.getClientRects())
    if (x >= b.left - slop && x <= b.right + slop && y >= b.top - slop && y <= b.bottom + slop) return true;
  return false;
}

export function mentionAt(
  doc: Document,
  byNode: WeakMap<Text, Mention[]>,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
  /** Wrapping fallback: the highlighted range a node inside a wrapper belongs to. */
  rangeAt?: (node: Node) => AbstractRange | null,
): Mention | null {
  const pos = caretFromPoint(doc, x, y, shadowRoots);
  if (!pos || pos.node.nodeType !== 3) return null;
  const wrapped = rangeAt?.(pos.node);
  if (wrapped) {
    for (const m of byNode.get(wrapped.startContainer as Text) ?? []) if (m.statics.includes(wrapped as StaticRange)) return m;
    return null;
  }
  const list = byNode.get(pos.node as Text);
  if (!list) return null;
  for (const m of list)
    for (const s of m.statics)
      if (s.startContainer === pos.node && pos.offset >= s.startOffset && pos.offset <= s.endOffset) {
        const r = doc.createRange();
        r.setStart(s.startContainer, s.startOffset);
        r.setEnd(s.endContainer, s.endOffset);
        if (inRects(r, x, y)) return m;
      }
  return null;
}
