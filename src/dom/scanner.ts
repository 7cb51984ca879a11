/**
 * The scan: text blocks → matcher → context → Ranges. Works in slices of at most SCAN_SLICE_MS,
 * yielding to the page between slices, starting with the part of the page in view.
 */
import { SCAN_SLICE_MS } from '../core/constants';
import { resolveContext, type Strictness } from '../core/context';
import { match, type Matcher } from '../core/matcher';
import type { Highlighter } from './highlighter';
import type { Mention } from './mentions';
import { BlockWalker, blockOf, isInline, isSkipped, locate, type TextBlock } from './text-walker';

export interface ScannerOptions {
  strictness?: Strictness;
  /** Drop mentions of these entity ids (muted terms, disabled categories). */
  accept?: (entityId: string) => boolean;
  signal?: AbortSignal;
  /** Called after each slice that added mentions. */
  onChange?: () => void;
}

export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((r) => setTimeout(r, 0));
}

export class Scanner {
  readonly byNode = new WeakMap<Text, Mention[]>();
  readonly byBlock = new Map<Element, Mention[]>();
  private nextKey = 1;
  private unambiguous = 0;
  private strictness: Strictness;

  constructor(
    private doc: Document,
    private matcher: Matcher,
    private hl: Highlighter,
    private o: ScannerOptions = {},
  ) {
    this.strictness = o.strictness ?? 'block';
  }

  /** Every mention, in no particular order. */
  *mentions(): Iterable<Mention> {
    for (const list of this.byBlock.values()) yield* list;
  }

  get size(): number {
    let n = 0;
    for (const list of this.byBlock.values()) n += list.length;
    return n;
  }

  /** Match one block and register its mentions. Returns how many were added. */
  scanBlock(b: TextBlock): number {
    const raw = match(b.text, this.matcher);
    if (raw.length === 0) return 0;
    const kept = resolveContext(b.text, raw, this.strictness, this.unambiguous > 0).filter(
      (m) => !this.o.accept || this.o.accept(m.entityId),
    );
    if (kept.length === 0) return 0;
    if (typeof b.block.checkVisibility === 'function' && !b.block.checkVisibility()) return 0;
    const list = this.byBlock.get(b.block) ?? [];
    for (const m of kept) {
      if (!m.needsContext) this.unambiguous++;
      const ranges = this.rangesFor(b, m.start, m.end);
      const mention: Mention = { key: this.nextKey++, match: m, entityId: m.entityId, ranges, block: b.block };
      list.push(mention);
      for (const r of ranges) {
        const node = r.startContainer as Text;
        const arr = this.byNode.get(node);
        if (arr) arr.push(mention);
        else this.byNode.set(node, [mention]);
      }
      this.hl.add(ranges);
    }
    this.byBlock.set(b.block, list);
    return kept.length;
  }

  private rangesFor(b: TextBlock, start: number, end: number): Range[] {
    const [sn, so] = locate(b, start, false);
    const [en, eo] = locate(b, end, true);
    const out: Range[] = [];
    if (sn === en) {
      const r = this.doc.createRange();
      r.setStart(sn, so);
      r.setEnd(en, eo);
      return [r];
    }
    // One Range per text node, so each piece is its own highlight and hit-test unit.
    let i = b.nodes.indexOf(sn);
    for (; i < b.nodes.length; i++) {
      const n = b.nodes[i];
      const s = n === sn ? so : 0;
      const e = n === en ? eo : n.data.length;
      if (e > s && n.data.slice(s, e).trim() !== '') {
        const r = this.doc.createRange();
        r.setStart(n, s);
        r.setEnd(n, e);
        out.push(r);
      }
      if (n === en) break;
    }
    return out;
  }

  /** Scan `root` in slices; the part in view first when `viewportFirst`. */
  async scan(root: Node, viewportFirst = true): Promise<void> {
    const start = viewportFirst ? this.firstVisibleElement(root) : null;
    if (start) {
      await this.run(new BlockWalker(root, null, undefined, start));
      await this.run(new BlockWalker(root, start));
    } else {
      await this.run(new BlockWalker(root));
    }
  }

  /** Synchronous scan of a small subtree (mutation batches). */
  scanNow(root: Node): number {
    const w = new BlockWalker(root);
    let n = 0;
    for (let b = w.next(); b; b = w.next()) n += this.scanBlock(b);
    return n;
  }

  private async run(w: BlockWalker): Promise<void> {
    for (;;) {
      if (this.o.signal?.aborted) return;
      const deadline = performance.now() + SCAN_SLICE_MS;
      let added = 0;
      let b: TextBlock | null = null;
      while ((b = w.next())) {
        added += this.scanBlock(b);
        if (performance.now() >= deadline) break;
      }
      if (added) this.o.onChange?.();
      if (!b) return;
      await yieldToPage();
    }
  }

  /** The element at the top of the viewport, to start scanning there. */
  private firstVisibleElement(root: Node): Element | null {
    if (root !== this.doc.body && root !== this.doc.documentElement && root !== this.doc) return null;
    const y = Math.min(40, (this.doc.defaultView?.innerHeight ?? 0) / 4);
    const el = this.doc.elementFromPoint?.((this.doc.defaultView?.innerWidth ?? 0) / 2, y);
    if (!el || el === this.doc.body || el === this.doc.documentElement) return null;
    for (let a: Element | null = el; a; a = a.parentElement) if (isSkipped(a)) return null;
    const block = isInline(el) ? blockOf(el) : el;
    return block && block !== this.doc.body && block !== this.doc.documentElement ? block : null;
  }

  /** Forget mentions whose text left the page or sits inside `within`. */
  drop(pred: (m: Mention) => boolean): number {
    let n = 0;
    for (const [block, list] of this.byBlock) {
      const keep = list.filter((m) => !pred(m));
      if (keep.length === list.length) continue;
      for (const m of list)
        if (!keep.includes(m)) {
          this.hl.remove(m.ranges);
          n++;
          for (const r of m.ranges) {
            const arr = this.byNode.get(r.startContainer as Text);
            if (arr) this.byNode.set(r.startContainer as Text, arr.filter((x) => x !== m));
          }
        }
      if (keep.length) this.byBlock.set(block, keep);
      else this.byBlock.delete(block);
    }
    return n;
  }

  clear(): void {
    for (const list of this.byBlock.values()) for (const m of list) this.hl.remove(m.ranges);
    this.byBlock.clear();
    this.unambiguous = 0;
  }
}
