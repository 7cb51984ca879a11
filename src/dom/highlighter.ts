/**
 * Paints mentions without touching the page: Ranges in CSS.highlights, styled by ::highlight()
 * rules in public/highlights.css (a manifest stylesheet, so no element is added to the page).
 */

import { HIGHLIGHT_WINDOW_FROM, HIGHLIGHT_WINDOW_MARGIN, HIGHLIGHT_WINDOW_UNTIL } from '../core/constants';
import { asElement } from './text-walker';
import { yieldToPage } from './yield';

/** Longest piece of near-viewport bookkeeping before the page gets its turn (ms). */
const TRACK_SLICE_MS = 4;

export const HL_MENTION = 'modellens';
export const HL_ACTIVE = 'modellens-active';

export interface Highlighter {
  add(ranges: AbstractRange[]): void;
  remove(ranges: AbstractRange[]): void;
  /** The mention under the pointer or keyboard focus (drawn as a ring-like stronger highlight). */
  setActive(ranges: AbstractRange[] | null): void;
  clear(): void;
  /** Ranges added and not removed (on pages with very many, only those near the viewport are painted). */
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

export function createHighlighter(
  win: Window & typeof globalThis = window,
  windowFrom = HIGHLIGHT_WINDOW_FROM,
  windowUntil = HIGHLIGHT_WINDOW_UNTIL,
): Highlighter {
  const Ctor = (win as unknown as { Highlight: HighlightCtor }).Highlight;
  const registry = win.CSS.highlights as unknown as Map<string, unknown>;
  const all = new Ctor();
  const active = new Ctor();
  active.priority = 1;
  registry.set(HL_MENTION, all);
  registry.set(HL_ACTIVE, active);
  /** Every range added and not removed (registered in `all` or not). */
  const known = new Set<AbstractRange>();
  let windowed: RangeWindow | null = null;
  return {
    add(ranges) {
      if (!windowed && known.size + ranges.length > windowFrom && typeof win.IntersectionObserver === 'function') {
        windowed = new RangeWindow(win, all);
        for (const r of known) windowed.track(r, true);
      }
      for (const r of ranges) known.add(r);
      if (windowed) windowed.enqueue(ranges, known);
      else for (const r of ranges) all.add(r);
    },
    remove(ranges) {
      for (const r of ranges) {
        known.delete(r);
        all.delete(r);
        active.delete(r);
        windowed?.untrack(r);
      }
      if (windowed && known.size < windowUntil) {
        windowed.stop();
        windowed = null;
        for (const r of known) all.add(r);
      }
    },
    setActive(ranges) {
      active.clear();
      if (ranges) for (const r of ranges) active.add(r);
    },
    clear() {
      windowed?.stop();
      windowed = null;
      known.clear();
      all.clear();
      active.clear();
      if (registry.get(HL_MENTION) === all) registry.delete(HL_MENTION);
      if (registry.get(HL_ACTIVE) === active) registry.delete(HL_ACTIVE);
    },
    get count() {
      return known.size;
    },
  };
}

/** The element whose box holds a range's text (a shadow root's text: its host). */
function holderOf(r: AbstractRange): Element | null {
  const p = r.startContainer.parentNode;
  return p ? asElement(p) : null;
}

/**
 * Registers only the ranges near the viewport, following scrolling with one IntersectionObserver
 * over the elements holding the ranges' text. An element's first answer is measured at once (so
 * ranges found in view are painted on the next frame); the observer keeps it current from then on.
 */
class RangeWindow {
  private byEl = new Map<Element, Set<AbstractRange>>();
  /** Elements near the viewport now (their ranges are registered). */
  private near = new Set<Element>();
  private io: IntersectionObserver;

  constructor(
    private win: Window & typeof globalThis,
    private all: Set<AbstractRange>,
  ) {
    const m = HIGHLIGHT_WINDOW_MARGIN * 100;
    this.io = new win.IntersectionObserver((entries) => this.update(entries), { rootMargin: `${m}% ${m}%` });
  }

  /** Ranges given to enqueue() and not tracked yet, in order; `queueAt` is the next one. */
  private queue: AbstractRange[] = [];
  private queueAt = 0;
  private draining = false;

  /**
   * Track new ranges in slices of at most TRACK_SLICE_MS, in the order given (the scan delivers
   * the part in view first), so a large batch does not hold up the next frame; the rest follows
   * in later tasks. Ranges `known` no longer holds by then (removed meanwhile) are skipped.
   */
  enqueue(ranges: AbstractRange[], known: Set<AbstractRange>): void {
    for (const r of ranges) this.queue.push(r);
    this.drain(known);
  }

  /**
   * Ranges enqueued while a drain waits for the page (`draining`) are only appended to `queue`:
   * the waiting drain picks up from `queueAt` to the end of the queue as it is when it resumes,
   * so they are tracked in its next slice; the queue is emptied only once every range in it has
   * been looked at. Nothing is dropped unless the window stops (then the highlighter registers
   * every known range itself).
   */
  private drain(known: Set<AbstractRange>): void {
    if (this.draining) return;
    const end = performance.now() + TRACK_SLICE_MS;
    let i = this.queueAt;
    for (; i < this.queue.length; i++) {
      if (known.has(this.queue[i])) this.track(this.queue[i]);
      if ((i & 63) === 63 && performance.now() >= end) {
        i++;
        break;
      }
    }
    if (i >= this.queue.length) {
      this.queue = [];
      this.queueAt = 0;
      return;
    }
    this.queueAt = i;
    this.draining = true;
    void yieldToPage().then(() => {
      this.draining = false;
      if (!this.stopped) this.drain(known);
    });
  }

  /**
   * Follow a new range `r` (registered when its element is near the viewport, measured now for a
   * new element); `registered`: `r` is in the highlight already and stays until the observer's
   * first answer (the switch from registering everything).
   */
  track(r: AbstractRange, registered = false): void {
    const el = holderOf(r);
    if (!el) return void this.all.add(r);
    let set = this.byEl.get(el);
    if (!set) {
      this.byEl.set(el, (set = new Set()));
      this.io.observe(el);
      if (registered || this.isNear(el)) this.near.add(el);
    }
    set.add(r);
    // A range far from the viewport was never registered: nothing to take out.
    if (!registered && this.near.has(el)) this.all.add(r);
  }

  untrack(r: AbstractRange): void {
    const el = holderOf(r);
    const set = el && this.byEl.get(el);
    if (!set) return;
    set.delete(r);
    if (set.size) return;
    this.byEl.delete(el!);
    this.near.delete(el!);
    this.io.unobserve(el!);
  }

  private stopped = false;

  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.queueAt = 0;
    this.io.disconnect();
    this.byEl.clear();
    this.near.clear();
  }

  private isNear(el: Element): boolean {
    const b = el.getBoundingClientRect();
    // No box of its own (display: contents): always registered; the observer never sees it.
    if (b.width === 0 && b.height === 0 && b.top === 0 && b.left === 0) return true;
    const h = this.win.innerHeight * HIGHLIGHT_WINDOW_MARGIN;
    const w = this.win.innerWidth * HIGHLIGHT_WINDOW_MARGIN;
    return b.bottom >= -h && b.top <= this.win.innerHeight + h && b.right >= -w && b.left <= this.win.innerWidth + w;
  }

  private update(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const el = e.target;
      const set = this.byEl.get(el);
      if (!set) continue;
      const now = e.isIntersecting || (e.boundingClientRect.width === 0 && e.boundingClientRect.height === 0);
      if (now === this.near.has(el)) continue;
      if (now) {
        this.near.add(el);
        for (const r of set) this.all.add(r);
      } else {
        this.near.delete(el);
        for (const r of set) this.all.delete(r);
      }
    }
  }
}
