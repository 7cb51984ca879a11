/**
 * The first stage of a frame's start: is there anything to read? A frame without readable text
 * (an ad slot, a tracking pixel, an empty embed) costs only this check and one MutationObserver
 * until text arrives; the index, the settings request and the page session start only then.
 * Custom elements and shadow hosts count as text: their content is not in the light DOM.
 */

/** Text in these is no reading matter. (A template's content is not among its children.) */
const NOT_TEXT = /^(SCRIPT|STYLE|NOSCRIPT)$/;

/** Whether `root` is or holds a text node with more than white space, or a shadow host. */
export function hasReadableText(root: Node): boolean {
  // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT
  const w = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 5);
  for (let n: Node | null = root; n; n = w.nextNode()) {
    const el = n as Element;
    if (n.nodeType === 3 ? /\S/.test((n as Text).data) && !NOT_TEXT.test(n.parentNode?.nodeName ?? '') : el.shadowRoot || el.localName?.includes('-')) return true;
  }
  return false;
}

/** Resolves true when `doc` has readable text (now, or once the page adds some), false when `signal` aborts first. */
export function whenReadable(doc: Document, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (hasReadableText(doc.body ?? doc)) return resolve(true);
    const done = (v: boolean) => {
      mo.disconnect();
      resolve(v);
    };
    const mo = new MutationObserver((records) => {
      if (records.some((r) => (r.type === 'characterData' ? [r.target] : [...r.addedNodes]).some((n) => n.isConnected && hasReadableText(n)))) done(true);
    });
    mo.observe(doc, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => done(false), { once: true });
  });
}
