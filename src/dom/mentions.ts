/** The record of one highlighted mention on the page, shared by scanner, hit testing and UI. */
import type { Match } from '../core/matcher';

/** A StaticRange; a plain record where the class is missing (test DOMs, very old browsers). */
export const staticRange: (init: StaticRangeInit) => StaticRange =
  typeof StaticRange === 'function'
    ? (init) => new StaticRange(init)
    : (init) => ({ ...init, collapsed: init.startContainer === init.endContainer && init.startOffset === init.endOffset }) as StaticRange;

/**
 * One mention. The highlight holds `statics` (StaticRanges): unlike live Ranges they cost the page
 * nothing when its DOM changes (a live Range is updated on every insertion and removal in its
 * document). Live Ranges for geometry and text are made on demand by `ranges`.
 */
export class Mention {
  constructor(
    /** Unique per page session. */
    readonly key: number,
    readonly match: Match,
    readonly entityId: string,
    /** One StaticRange per text node the mention covers (several when split across inline elements). */
    readonly statics: StaticRange[],
    readonly block: Element,
  ) {}

  /**
   * Where the text of a highlighted range is now, when painting moved it (wrapping fallback; set
   * by the content script). Null: where the StaticRange says.
   */
  static relocate: ((s: AbstractRange) => Range | null) | null = null;

  /** Fresh live Ranges over the mention (for getClientRects, toString, comparisons). */
  get ranges(): Range[] {
    return this.statics.map((s) => {
      const moved = Mention.relocate?.(s);
      if (moved) return moved;
      const r = s.startContainer.ownerDocument!.createRange();
      r.setStart(s.startContainer, s.startOffset);
      r.setEnd(s.endContainer, s.endOffset);
      return r;
    });
  }

  /** The mention's text nodes are still in the page. */
  get connected(): boolean {
    return this.statics.every((s) => s.startContainer.isConnected);
  }

  /** The text as it is on the page now. */
  get text(): string {
    return this.ranges.map((r) => r.toString()).join('');
  }
}

/** Document order of two mentions (for sorting without making live Ranges). */
export function compareMentions(a: Mention, b: Mention): number {
  const x = a.statics[0];
  const y = b.statics[0];
  if (x.startContainer === y.startContainer) return x.startOffset - y.startOffset;
  const rel = x.startContainer.compareDocumentPosition(y.startContainer);
  return rel & 4 /* FOLLOWING */ ? -1 : rel & 2 /* PRECEDING */ ? 1 : 0;
}
