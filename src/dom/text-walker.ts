/**
 * Reads a page's text as blocks: runs of text nodes inside one block-level element, in document
 * order, so a name split over inline elements (`Gemini 2.5 <b>Pro</b>`) is one string while block
 * boundaries and <br> split text. Offsets in a block's text map back to (node, offset).
 *
 * Built to cost little more than reading the text at all (figures in docs/performance.md): one
 * native TreeWalker over text nodes only and no JavaScript NodeFilter (a call into JS per node is
 * what makes filtered walks slow). What a text node belongs to — its block, or an excluded
 * subtree — is decided once per parent element and cached, so elements without text of their own
 * are never touched.
 */

/**
 * Elements whose text is never read (lowercase local names), checked per element during the walk.
 * (Text in <option> is skipped with its <select>; <template> content is not in the tree.)
 */
const SKIP_TAGS = new Set('script style noscript textarea select datalist iframe object canvas svg math video audio head title modellens-ui'.split(' '));

/**
 * Everything excluded, as a CSS selector. Attribute-based exclusions (editable text, editors,
 * opt-outs) are rare, so they are checked only where something matched, with one native
 * `closest()` — cheaper than looking at every element's attributes. Elements hidden by CSS are
 * caught by the visibility check on matches (scanner.ts).
 */
export const ATTR_SKIP_SELECTOR = [
  '[contenteditable]:not([contenteditable="false" i])',
  '.CodeMirror', '.cm-editor', '.monaco-editor', '.ProseMirror', '.ace_editor', '.ql-editor',
  '[translate="no" i]', '[data-modellens="off" i]', '[hidden]',
].join(',');
export const SKIP_SELECTOR = [...SKIP_TAGS, 'input,option,template', ATTR_SKIP_SELECTOR].join(',');

/** Attribute changes that can include or exclude text (the observer watches these). */
export const SKIP_ATTRIBUTES = 'contenteditable translate data-modellens hidden open'.split(' ');

/** Elements that flow inside a line (lowercase local names); every other element starts a block. */
const INLINE = new Set('a abbr b bdi bdo big cite code data del dfn em font i ins kbd label mark q s samp small span strike strong sub sup time tt u var wbr nobr acronym'.split(' '));
/** Inline boxes without text of their own: text on either side stays on one line. */
const INLINE_LEAF = new Set(['img', 'wbr']);

const WS_ONLY = /^[\s\u00a0]*$/;

/** Is this element excluded by itself (tag, editing, opt-out)? */
export function isSkipped(el: Element): boolean {
  return el.matches(SKIP_SELECTOR);
}

/** Is `el` or an ancestor (up to its document or shadow root) excluded? */
export function inSkipped(el: Element): boolean {
  return el.closest(SKIP_SELECTOR) !== null;
}

export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

/** The element whose box a parent node stands for: shadow roots stand for their host. */
export function asElement(p: Node): Element | null {
  return p.nodeType === 1 ? (p as Element) : p.nodeType === 11 ? ((p as ShadowRoot).host ?? null) : null;
}

/** Nearest ancestor that is not inline (the element whose text a node belongs to). */
export function blockOf(node: Node): Element | null {
  let p = node.parentNode;
  while (p && p.nodeType === 1 && INLINE.has((p as Element).localName)) p = p.parentNode;
  return p ? asElement(p) : null;
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

export interface WalkOptions {
  /** Start at this node (text or element) instead of the beginning of the root. */
  startAt?: Node | null;
  /** End the walk where this node (text or element) begins. */
  stopAt?: Node | null;
}

/** What a parent node means for the text under it. */
const SKIP = null;
type Owner = Element | typeof SKIP;

/**
 * Decides, once per element, which block the text under it belongs to (or that it is excluded).
 * Shared by walks over the same page so each element is looked at once per scan.
 */
export class BlockMap {
  private owner = new Map<Node, Owner>();

  constructor(private root: Node) {}

  /** The block of text under `p`, or null when `p` is excluded or outside the root. */
  of(p: Node): Owner {
    const cached = this.owner.get(p);
    if (cached !== undefined) return cached;
    // Fast path: the parent's answer is known (most elements with text sit in a known block).
    if (p !== this.root && p.nodeType === 1) {
      const up = p.parentNode;
      const above = up ? this.owner.get(up) : undefined;
      if (above !== undefined) {
        const name = (p as Element).localName;
        const v = above === SKIP || SKIP_TAGS.has(name) ? SKIP : INLINE.has(name) ? above : (p as Element);
        this.owner.set(p, v);
        return v;
      }
    }
    // Walk up to the first ancestor whose answer is known (or the root), deciding on the way.
    const chain: Node[] = [];
    let a: Node | null = p;
    let known: Owner | undefined;
    while (a) {
      const c = this.owner.get(a);
      if (c !== undefined) {
        known = c;
        break;
      }
      chain.push(a);
      if (a === this.root || a.nodeType !== 1) break;
      a = a.parentNode;
    }
    // Decide from the top of the chain down: excluded anywhere above → excluded; else the block is
    // the nearest non-inline element at or above.
    let above: Owner = known === undefined ? asTop(chain[chain.length - 1]) : known;
    for (let i = known === undefined ? chain.length - 2 : chain.length - 1; i >= 0; i--) {
      const n = chain[i] as Element;
      if (above !== SKIP) {
        const name = n.localName;
        above = SKIP_TAGS.has(name) ? SKIP : INLINE.has(name) ? above : n;
      }
      this.owner.set(n, above);
    }
    if (known === undefined) this.owner.set(chain[chain.length - 1], asTop(chain[chain.length - 1]));
    return this.owner.get(p)!;
  }
}

/** The answer for the topmost node of a lookup (the root, a shadow root, a detached node). */
function asTop(n: Node): Owner {
  if (n.nodeType === 1) {
    const el = n as Element;
    if (el.closest(SKIP_SELECTOR)) return SKIP;
    return INLINE.has(el.localName) ? blockOf(el) : el;
  }
  return n.nodeType === 11 || n.nodeType === 9 ? asElement(n.nodeType === 9 ? (n as Document).documentElement : n) : SKIP;
}

/**
 * A resumable walk over `root`'s text blocks. `next()` returns the next block or null at the end.
 */
export class BlockWalker {
  private walker: TreeWalker;
  private stopText: Node | null = null;
  private cur: Node | null;
  private pending: TextBlock | null = null;
  private lastNode: Text | null = null;
  private lastParent: Node | null = null;
  private lastBlock: Owner = SKIP;

  constructor(
    readonly root: Node,
    opts: WalkOptions = {},
    private blocks: BlockMap = new BlockMap(root),
  ) {
    const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
    this.walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
    if (opts.stopAt) this.stopText = this.firstTextFrom(opts.stopAt);
    if (opts.startAt && opts.startAt !== root) {
      this.cur = this.firstTextFrom(opts.startAt);
      if (this.cur) this.walker.currentNode = this.cur;
    } else {
      this.cur = this.walker.nextNode();
    }
  }

  /** The first text node at or after `n` in document order (within the root), or null. */
  private firstTextFrom(n: Node): Node | null {
    if (n.nodeType === 3) return n;
    this.walker.currentNode = n;
    const t = this.walker.nextNode();
    this.walker.currentNode = this.root;
    return t;
  }

  next(): TextBlock | null {
    return this.nextWithin(Infinity) ?? null;
  }

  /**
   * As next(), but after looking at `limit` text nodes it stops, even inside a block, and returns
   * undefined: call again to go on (a page can hold one block of thousands of links).
   */
  nextWithin(limit: number): TextBlock | null | undefined {
    const w = this.walker;
    let n = this.cur;
    while (n && n !== this.stopText) {
      if (limit-- <= 0) {
        this.cur = n;
        return undefined;
      }
      const t = n as Text;
      n = w.nextNode();
      const data = t.data;
      // Whitespace-only text (indentation between elements, most text nodes on many pages) only
      // matters inside a pending block; text starting with a visible character is never blank.
      const c0 = data.charCodeAt(0);
      const blank = data.length === 0 || ((c0 <= 32 || c0 === 0xa0) && WS_ONLY.test(data));
      if (blank && (!this.pending || !data.length)) continue;
      const p = t.parentNode!;
      let block: Owner;
      if (p === this.lastParent) block = this.lastBlock;
      else {
        block = this.blocks.of(p);
        this.lastParent = p;
        this.lastBlock = block;
      }
      if (block === SKIP) continue;
      const pend = this.pending;
      if (pend && pend.block === block && this.joins(t)) {
        pend.starts.push(pend.text.length);
        pend.nodes.push(t);
        pend.text += data;
        this.lastNode = t;
        continue;
      }
      // Whitespace between blocks starts no block of its own.
      const fresh = blank ? null : { block, text: data, nodes: [t], starts: [0] };
      this.pending = fresh;
      this.lastNode = fresh ? t : null;
      if (pend) {
        this.cur = n;
        return pend;
      }
    }
    this.cur = null;
    const p = this.pending;
    this.pending = null;
    return p;
  }

  /**
   * Does text node `t` continue the pending block's line? Adjacent text and text after inline
   * elements does; text after a <br> or an element that is not inline starts a new block.
   */
  private joins(t: Text): boolean {
    const prev = t.previousSibling;
    if (prev === null || prev === this.lastNode || prev.nodeType !== 1) return true;
    const name = (prev as Element).localName;
    return INLINE.has(name) || INLINE_LEAF.has(name);
  }
}

/** All blocks of `root` at once (tests and small subtrees). */
export function readBlocks(root: Node, opts?: WalkOptions): TextBlock[] {
  const w = new BlockWalker(root, opts);
  const out: TextBlock[] = [];
  for (let b = w.next(); b; b = w.next()) out.push(b);
  return out;
}
