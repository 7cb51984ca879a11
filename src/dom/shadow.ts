/**
 * Open shadow roots: finding them, and styling highlights inside them. ::highlight() rules in the
 * document's stylesheet do not reach into shadow trees, so each open shadow root ModelLens scans
 * adopts a constructed stylesheet with the same rules (public/highlights.css); removed on teardown.
 * Adopting a stylesheet adds no element and changes neither the DOM nor innerText.
 */
import highlightCss from '../../public/highlights.css?inline';

/**
 * Every open shadow root at or under `root` (also inside other shadow roots), in document order.
 * `undefinedHosts` collects custom elements not defined yet: their shadow root may come later.
 */
export function findShadowRoots(root: Node, into: ShadowRoot[] = [], undefinedHosts?: Set<Element>): ShadowRoot[] {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const queue: Node[] = [root];
  while (queue.length) {
    const r = queue.shift()!;
    if (r.nodeType === 1 && (r as Element).shadowRoot) {
      into.push((r as Element).shadowRoot!);
      queue.push((r as Element).shadowRoot!);
    }
    const w = doc.createTreeWalker(r, 0x1 /* SHOW_ELEMENT */);
    for (let n = w.nextNode() as Element | null; n; n = w.nextNode() as Element | null) {
      const sr = n.shadowRoot;
      if (sr) {
        into.push(sr);
        queue.push(sr);
      } else if (undefinedHosts && n.localName.includes('-') && !n.matches(':defined')) undefinedHosts.add(n);
    }
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
