/**
 * Paints mentions without touching the page: Ranges in CSS.highlights, styled by ::highlight()
 * rules in public/highlights.css (a manifest stylesheet, so no element is added to the page).
 */

export const HL_MENTION = 'modellens';
export const HL_ACTIVE = 'modellens-active';

export interface Highlighter {
  add(ranges: AbstractRange[]): void;
  remove(ranges: AbstractRange[]): void;
  /** The mention under the pointer or keyboard focus (drawn as a ring-like stronger highlight). */
  setActive(ranges: AbstractRange[] | null): void;
  clear(): void;
  readonly count: number;
  /**
   * Only where painting edits the DOM (the wrapping fallback): runs each DOM edit. The engine sets
   * it so its MutationObserver does not take the edits for the page's own changes.
   */
  guard?: (edit: () => void) => void;
  /** Wrapping fallback: the highlighted range a node inside a wrapper belongs to (hit testing). */
  rangeAt?(node: Node): AbstractRange | null;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Set<AbstractRange> & { priority: number };

export function supportsHighlights(win: Window & typeof globalThis = window): boolean {
  return typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function' && !!win.CSS?.highlights;
}

export function createHighlighter(win: Window & typeof globalThis = window): Highlighter {
  const Ctor = (win as unknown as { Highlight: HighlightCtor }).Highlight;
  const registry = win.CSS.highlights as unknown as Map<string, unknown>;
  const all = new Ctor();
  const active = new Ctor();
  active.priority = 1;
  registry.set(HL_MENTION, all);
  registry.set(HL_ACTIVE, active);
  return {
    add(ranges) {
      for (const r of ranges) all.add(r);
    },
    remove(ranges) {
      for (const r of ranges) {
        all.delete(r);
        active.delete(r);
      }
    },
    setActive(ranges) {
      active.clear();
      if (ranges) for (const r of ranges) active.add(r);
    },
    clear() {
      all.clear();
      active.clear();
      if (registry.get(HL_MENTION) === all) registry.delete(HL_MENTION);
      if (registry.get(HL_ACTIVE) === active) registry.delete(HL_ACTIVE);
    },
    get count() {
      return all.size;
    },
  };
}
