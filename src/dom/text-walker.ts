/**
 * Reads a page's visible text as blocks: runs of text nodes inside one block-level element, in
 * document order, so a name split over inline elements (`Gemini 2.5 <b>Pro</b>`) is one string
 * while block boundaries split text. Offsets in a block's text map back to (node, offset).
 */

/** Elements whose text is never matched. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT',
  'CANVAS', 'SVG', 'MATH', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'MODELLENS-UI',
]);
/** Rich editors that are not always contenteditable at their root. */
const EDITOR_CLASSES = ['CodeMirror', 'cm-editor', 'monaco-editor', 'ProseMirror', 'ace_editor', 'ql-editor'];

/** Elements that flow inside a line; every other element starts a new block. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD',
  'LABEL', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR',
  'WBR',
]);

export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  if (el.getAttribute('translate') === 'no' || el.getAttribute('data-modellens') === 'off') return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const cls = el.classList;
  if (cls.length) for (const c of EDITOR_CLASSES) if (cls.contains(c)) return true;
  return false;
}

export function isInline(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName.toUpperCase());
}

/** Nearest ancestor that is not inline (the element whose text a node belongs to). */
export function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && isInline(el)) el = el.parentElement;
  return el;
}

export interface TextBlock {
  /** The block-level element holding the text. */
  block: Element;
  text: string;
  nodes: Text[];
  /** Offset in `text` at which each node starts. */
  starts: number[];
}

/** Map an offset in the block's text to a (node, offset) position. End offsets map to node ends. */
export function locate(b: TextBlock, offset: number, isEnd: boolean): [Text, number] {
  let lo = 0;
  let hi = b.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = b.starts[mid];
    if (s < offset || (!isEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return [b.nodes[lo], offset - b.starts[lo]];
}

const filter = {
  acceptNode(n: Node): number {
    if (n.nodeType === 1) return isSkipped(n as Element) ? 2 /* REJECT */ : 1 /* ACCEPT */;
    return 1;
  },
};

/**
 * A resumable walk over `root`'s text blocks. `next()` returns the next block or null at the end.
 * `stopAt`: an element at which the walk ends (used to scan the start of a page after the part in
 * view). Shadow roots met on the way are reported through `onShadowRoot`.
 */
export class BlockWalker {
  private walker: TreeWalker;
  private pending: TextBlock | null = null;
  private done = false;

  constructor(
    readonly root: Node,
    private stopAt: Node | null = null,
    private onShadowRoot?: (root: ShadowRoot) => void,
    startAt?: Node,
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, filter);
    if (startAt && startAt !== root) this.walker.currentNode = startAt;
    this.first = startAt ?? null;
  }

  private first: Node | null;

  next(): TextBlock | null {
    if (this.done) return this.flush();
    const w = this.walker;
    let n: Node | null;
    if (this.first && this.first !== this.root && this.first.nodeType === 3) {
      n = this.first;
    } else {
      n = w.nextNode();
    }
    this.first = null;
    for (; n; n = w.nextNode()) {
      if (n === this.stopAt) break;
      if (n.nodeType === 1) {
        const el = n as Element;
        if (el.shadowRoot && this.onShadowRoot) this.onShadowRoot(el.shadowRoot);
        if (!isInline(el) && this.pending) {
          const out = this.pending;
          this.pending = null;
          // This element starts a new block; continue from it next time.
          return out;
        }
        continue;
      }
      const t = n as Text;
      const data = t.data;
      if (data.length === 0) continue;
      const block = blockOf(t);
      if (!block) continue;
      const p = this.pending;
      if (p && p.block === block) {
        p.starts.push(p.text.length);
        p.nodes.push(t);
        p.text += data;
      } else {
        this.pending = { block, text: data, nodes: [t], starts: [0] };
        if (p) return p;
      }
    }
    this.done = true;
    return this.flush();
  }

  private flush(): TextBlock | null {
    const p = this.pending;
    this.pending = null;
    return p;
  }
}

/** All blocks of `root` at once (tests and small subtrees). */
export function readBlocks(root: Node): TextBlock[] {
  const w = new BlockWalker(root);
  const out: TextBlock[] = [];
  for (let b = w.next(); b; b = w.next()) out.push(b);
  return out;
}
