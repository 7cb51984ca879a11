/**
 * Which matched text may be highlighted, and following hidden text until the page shows it.
 * Checked only where something matched, so pages without mentions never pay for it.
 */
import { ATTR_SKIP_SELECTOR } from './text-walker';

const visible = (el: Element) => typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });

/**
 * May a mention be shown: not inside editable text, an editor or an opt-out (attribute exclusions;
 * excluded tags never reach the matcher), and not hidden (display: none, the hidden attribute,
 * visibility: hidden, content-visibility). Answers are kept per element for one scan pass
 * (hidden content can be shown later); `newPass()` forgets them.
 */
export class ShownCheck {
  private allowedCache = new WeakMap<Element, boolean>();
  private skipCache = new WeakMap<Element, boolean>();

  newPass(): void {
    this.allowedCache = new WeakMap();
    this.skipCache = new WeakMap();
  }

  /** May a mention in text node `t` be shown? */
  allowed(t: Text): boolean {
    const el = t.parentElement;
    if (!el) return false;
    let v = this.allowedCache.get(el);
    if (v === undefined) {
      v = !this.skipped(el) && visible(el);
      this.allowedCache.set(el, v);
    }
    return v;
  }

  /** Was text node `t` refused only for being hidden (not for an exclusion)? */
  hiddenOnly(t: Text): boolean {
    return !!t.parentElement && !this.skipped(t.parentElement);
  }

  /** Is `el` or an ancestor an attribute exclusion? Each element is matched once per pass. */
  private skipped(el: Element): boolean {
    const chain: Element[] = [];
    let v: boolean | undefined;
    for (let a: Element | null = el; a; a = a.parentElement) {
      v = this.skipCache.get(a);
      if (v !== undefined) break;
      chain.push(a);
      if (a.matches(ATTR_SKIP_SELECTOR)) {
        v = true;
        break;
      }
    }
    v ??= false;
    for (const c of chain) this.skipCache.set(c, v);
    return v;
  }
}

/**
 * Hidden text that matched is watched: when it gets a box again (a class or style change, an
 * expander, a tab) `onShown` gets its block to scan again. One IntersectionObserver with a margin
 * far beyond the page, so "intersecting" means "displayed"; class and style attributes are not
 * observed, so pages that toggle them all the time cost nothing. (Text hidden with
 * visibility: hidden keeps its box and is not followed.)
 */
export class HiddenWatch {
  private io: IntersectionObserver | null = null;
  private blockOf = new WeakMap<Element, Element>();

  constructor(
    private doc: Document,
    private onShown: (blocks: Element[]) => void,
    private signal?: AbortSignal,
  ) {}

  /** Follow hidden element `el` (the parent of matched text) whose text belongs to `block`. */
  watch(el: Element, block: Element): void {
    const win = this.doc.defaultView;
    if (this.blockOf.has(el) || this.signal?.aborted || typeof win?.IntersectionObserver !== 'function') return;
    this.blockOf.set(el, block);
    this.io ??= new win.IntersectionObserver((entries) => this.shown(entries), { rootMargin: '100000px' });
    this.io.observe(el);
  }

  /** Stop following everything (it can be used again afterwards). */
  stop(): void {
    this.io?.disconnect();
    this.io = null;
    this.blockOf = new WeakMap();
  }

  private shown(entries: IntersectionObserverEntry[]): void {
    if (this.signal?.aborted) return;
    const blocks = new Set<Element>();
    for (const e of entries) {
      const el = e.target;
      if (!e.isIntersecting || !visible(el)) continue;
      this.io?.unobserve(el);
      const block = this.blockOf.get(el);
      this.blockOf.delete(el);
      if (block?.isConnected) blocks.add(block);
    }
    if (blocks.size) this.onShown([...blocks]);
  }
}
