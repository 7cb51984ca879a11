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

export function caretFromPoint(doc: Document, x: number, y: number): CaretPos | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
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
): Mention | null {
  const pos = caretFromPoint(doc, x, y);
  if (!pos || pos.node.nodeType !== 3) return null;
  const list = byNode.get(pos.node as Text);
  if (!list) return null;
  for (const m of list)
    for (const r of m.ranges)
      if (r.startContainer === pos.node && pos.offset >= r.startOffset && pos.offset <= r.endOffset && inRects(r, x, y))
        return m;
  return null;
}
