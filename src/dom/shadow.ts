/**
 * Shadow roots, open and closed: finding them, and styling highlights inside them. Pages cannot
 * read a closed shadow root, but extensions can (`chrome.dom.openOrClosedShadowRoot(el)` in Chrome,
 * `el.openOrClosedShadowRoot` in Firefox content scripts). ::highlight() rules in the document's
 * stylesheet do not reach into shadow trees, so each shadow root ModelLens scans adopts a
 * constructed stylesheet with the same rules (public/highlights.css); removed on teardown.
 * Adopting a stylesheet adds no element and changes neither the DOM nor innerText.
 */
import highlightCss from '../../public/highlights.css?inline';
import { timeSlices } from './yield';

/** Built-in elements that may host a shadow root (DOM standard, attachShadow). */
const HOST_TAGS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

type ClosedRootApi = { dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null } };

/**
 * A closed shadow root is looked for only where one is likely: custom elements, and built-in
 * hosts with no child of their own (what they show comes from the shadow tree). Chrome's
 * chrome.dom.openOrClosedShadowRoot costs 2–3 µs a call (2–3 ms for the 1,000 elements of a
 * news article, more than the scan itself), so it is not asked of every element.
 */
function mayHostClosed(el: Element): boolean {
  return el.namespaceURI === 'http://www.w3.org/1999/xhtml' && (el.localName.includes('-') || (!el.firstChild && HOST_TAGS.has(el.localName)));
}

/** The element's shadow root, open or (where an extension API reaches it) closed. */
export function shadowRootOf(el: Element): ShadowRoot | null {
  const open = el.shadowRoot;
  if (open || !mayHostClosed(el)) return open;
  try {
    const gecko = (el as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
    if (gecko !== undefined) return gecko;
    return (globalThis as { chrome?: ClosedRootApi }).chrome?.dom?.openOrClosedShadowRoot?.(el) ?? null;
  } catch {
    return null;
  }
}

/**
 * Custom elements that had no shadow root when they were searched: one may come later, which no
 * mutation reports. `undefined`: not defined yet (their definition usually attaches it);
 * `shadowless`: defined, without one (a component that renders later).
 */
export interface LaterHosts {
  undefined: Set<Element>;
  shadowless: Set<Element>;
  /** The last timed look is over: defined elements are no longer kept. */
  done?: boolean;
}

/** Custom elements to look at again for a shadow root, none yet. */
export function laterHosts(): LaterHosts {
  return { undefined: new Set(), shadowless: new Set() };
}

/**
 * Shadow roots the elements in `later` got since they were last looked at: those not defined yet
 * at every call (`batch`: a mutation batch); at the timed looks also the defined ones, let go
 * after the last. Elements that got one, or left the page, are dropped.
 */
export function upgradedShadowRoots(later: LaterHosts, when: 'batch' | 'timed' | 'last'): ShadowRoot[] {
  const { undefined: undef, shadowless } = later;
  const found: ShadowRoot[] = [];
  if (!undef.size && (when === 'batch' || !shadowless.size)) return found;
  const look = (el: Element, set: Set<Element>) => {
    const sr = el.isConnected ? shadowRootOf(el) : null;
    if (sr || !el.isConnected) set.delete(el);
    if (sr) findShadowRoots(el, found, later);
    return !!sr;
  };
  for (const el of [...undef]) {
    if (!look(el, undef) && el.isConnected && el.matches(':defined')) {
      undef.delete(el);
      if (!later.done) shadowless.add(el);
    }
  }
  if (when !== 'batch') for (const el of [...shadowless]) look(el, shadowless);
  if (when === 'last') {
    shadowless.clear();
    later.done = true;
  }
  return found;
}

/** Elements looked at between two chances to stop (shadowRootsUnder's null). */
const CHECK_EVERY = 256;

/**
 * Every shadow root at or under `root` (also inside other shadow roots), in document order, and
 * null after every CHECK_EVERY elements: a point where a caller may yield to the page. `later`
 * collects custom elements without a shadow root yet.
 */
function* shadowRootsUnder(root: Node, later?: LaterHosts): Generator<ShadowRoot | null> {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const queue: Node[] = [root];
  let seen = 0;
  while (queue.length) {
    const r = queue.shift()!;
    const own = r.nodeType === 1 ? shadowRootOf(r as Element) : null;
    if (own) {
      queue.push(own);
      yield own;
    }
    const w = doc.createTreeWalker(r, 0x1 /* SHOW_ELEMENT */);
    for (let n = w.nextNode() as Element | null; n; n = w.nextNode() as Element | null) {
      if (++seen % CHECK_EVERY === 0) yield null;
      // Only custom elements and HOST_TAGS can have a shadow root: a Set lookup spares the DOM
      // getter on every <a>, <li>, <img>…
      const name = n.localName;
      const custom = name.includes('-');
      if (!custom && !HOST_TAGS.has(name)) continue;
      const sr = shadowRootOf(n);
      if (sr) {
        queue.push(sr);
        yield sr;
      } else if (later && custom) (n.matches(':defined') ? later.shadowless : later.undefined).add(n);
    }
  }
}

/** Every shadow root at or under `root`, in document order (see shadowRootsUnder). */
export function findShadowRoots(root: Node, into: ShadowRoot[] = [], later?: LaterHosts): ShadowRoot[] {
  for (const sr of shadowRootsUnder(root, later)) if (sr) into.push(sr);
  return into;
}

/** findShadowRoots in tasks of at most `sliceMs`, the page's turn between them; [] once `signal` stops it. */
export async function findShadowRootsInSlices(root: Node, later: LaterHosts, signal: AbortSignal, sliceMs: number): Promise<ShadowRoot[]> {
  const into: ShadowRoot[] = [];
  const slice = timeSlices(sliceMs, signal);
  for (const sr of shadowRootsUnder(root, later)) {
    if (sr) into.push(sr);
    else if (slice.due() && !(await slice.next())) return [];
  }
  return into;
}

/**
 * The rules for shadow roots: every colour made conditional on --modellens-on, which only the
 * extension's own stylesheet defines (public/highlights.css). Inherited into shadow trees while
 * the extension is there; gone with it, leaving transparent.
 */
function shadowCss(css: string): string {
  return css
    .replace(/:root\s*\{[^}]*\}/g, '')
    .replace(/#[0-9a-f]{3,8}\b|rgba?\([^)]*\)/gi, (c) => `color-mix(in srgb, ${c} calc(var(--modellens-on, 0) * 100%), transparent)`);
}

let shadowRules: string | null = null;

/** Add the highlight rules to a shadow root; returns an undo, or null where it is not possible. */
export function adoptHighlightStyles(root: ShadowRoot): (() => void) | null {
  try {
    const win = root.ownerDocument.defaultView as (Window & typeof globalThis) | null;
    if (!win || !('adoptedStyleSheets' in root)) return null;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync((shadowRules ??= shadowCss(highlightCss)));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // the root's document is gone
      }
    };
  } catch {
    return null;
  }
}
