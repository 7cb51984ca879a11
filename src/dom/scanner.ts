/**
 * The scan: text blocks → matcher → context → StaticRanges. Works in slices of at most
 * SCAN_SLICE_MS, yielding to the page between slices, starting with the part of the page in view.
 *
 * New ranges reach CSS.highlights in a few batches, not every slice: each change to a highlight
 * makes the browser repaint-check the whole page on the next frame (costly on very long pages),
 * so ranges are committed after the part in view, then at most every COMMIT_INTERVAL_MS, and at
 * the end.
 */
import { SCAN_SLICE_MS } from '../core/constants';
import { decide, DEFAULT_STRICTNESS, topicOf, type Local, type Strictness } from '../core/context';
import { AI_LEXICONS } from '../core/senses';
import { COLD, match, warmSteps, type Match, type Matcher } from '../core/matcher';
import type { Highlighter } from './highlighter';
import { Mention, staticRange } from './mentions';
import { HiddenWatch, ShownCheck } from './shown';
import { firstVisibleBlock, pageHeadings, textPrefix } from './page-text';
import { BlockWalker, locate, type TextBlock } from './text-walker';
import { inTasks, yieldToPage } from './yield';

export interface ScannerOptions {
  strictness?: Strictness;
  /** Drop mentions of these entity ids (muted terms, disabled categories). */
  accept?: (entityId: string) => boolean;
  signal?: AbortSignal;
  /** Called after each slice that added mentions. */
  onChange?: () => void;
}

/** During a long scan, new highlights are shown at most this often (see above). */
const COMMIT_INTERVAL_MS = 500;


export class Scanner {
  readonly byNode = new WeakMap<Text, Mention[]>();
  readonly byBlock = new Map<Element, Mention[]>();
  private nextKey = 1;
  private unambiguous = 0;
  private strictness: Strictness;
  /** Ranges found but not yet in the highlight (see COMMIT_INTERVAL_MS). */
  private uncommitted: AbstractRange[] = [];
  private lastCommit = 0;
  /** Longest slice of scanning work so far, ms (for npm run bench). */
  longestSliceMs = 0;
  /** Ambiguous matches waiting for the page to name a model unambiguously (strictness "page"), by first text node. */
  private deferred = new Map<Text, { b: TextBlock; matches: Match[] }>();

  private shown = new ShownCheck();
  /** Hidden text that matched, scanned again when the page shows it (src/dom/shown.ts). */
  private hidden: HiddenWatch;

  constructor(
    private doc: Document,
    private matcher: Matcher,
    private hl: Highlighter,
    private o: ScannerOptions = {},
  ) {
    this.strictness = o.strictness ?? DEFAULT_STRICTNESS;
    this.hidden = new HiddenWatch(
      doc,
      (blocks) => {
        this.dropWithin(blocks);
        let n = 0;
        for (const b of blocks) n += this.scanNow(b);
        if (n) this.o.onChange?.();
      },
      o.signal,
    );
  }

  private ctx?: Local;

  /**
   * The block-independent part of the context rules: the sense lexicons, and the page's topic —
   * the models and families its title and first heading name ("Yi" stands on Yi's README), when
   * the page has an AI cue somewhere.
   */
  private local(): Local {
    if (this.ctx) return this.ctx;
    const topic = topicOf(this.matcher, pageHeadings(this.doc));
    // Only on a page that speaks of AI somewhere: a horoscope page titled "Gemini" has no topic model.
    const body = topic && this.doc.body ? textPrefix(this.doc.body, 1e5) : '';
    const ai = AI_LEXICONS.some((k) => this.matcher.cues[k]?.test(body) && !(this.matcher.cues[k].lastIndex = 0));
    return (this.ctx = { cues: this.matcher.cues, onTopic: ai ? topic : undefined });
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
  scanBlock(b: TextBlock, deferCold = false): number {
    const raw = match(b.text, this.matcher, deferCold);
    if (raw.length === 0) return 0;
    const decided = decide(b.text, raw, this.strictness, this.unambiguous > 0, this.local());
    const accept = (m: Match) => !this.o.accept || this.o.accept(m.entityId);
    if (decided.deferred.length) this.deferred.set(b.nodes[0], { b, matches: decided.deferred.filter(accept) });
    const had = this.unambiguous;
    const n = this.register(b, decided.kept.filter(accept));
    // The first unambiguous mention is the page's AI context: add what waited for it.
    return had === 0 && this.unambiguous > 0 ? n + this.flushDeferred() : n;
  }

  /** Show the ranges found so far. */
  commit(): void {
    this.lastCommit = performance.now();
    if (!this.uncommitted.length) return;
    this.hl.add(this.uncommitted);
    this.uncommitted = [];
  }

  /** Add the deferred matches whose text is still as scanned. */
  private flushDeferred(): number {
    const waiting = [...this.deferred.values()];
    this.deferred.clear();
    let n = 0;
    for (const { b, matches } of waiting)
      if (b.nodes.every((t) => t.isConnected) && b.nodes.map((t) => t.data).join('') === b.text) n += this.register(b, matches);
    return n;
  }

  private register(b: TextBlock, kept: Match[]): number {
    if (kept.length === 0) return 0;
    const list = this.byBlock.get(b.block) ?? [];
    const before = list.length;
    for (const m of kept) {
      const ranges = this.rangesFor(b, m.start, m.end);
      if (!ranges.length || this.has(ranges[0])) continue;
      const t = ranges[0].startContainer as Text;
      if (!this.shown.allowed(t)) {
        if (this.shown.hiddenOnly(t)) this.hidden.watch(t.parentElement!, b.block);
        continue;
      }
      if (!m.needsContext) this.unambiguous++;
      const mention = new Mention(this.nextKey++, m, m.entityId, ranges, b.block);
      list.push(mention);
      for (const r of ranges) {
        const node = r.startContainer as Text;
        const arr = this.byNode.get(node);
        if (arr) arr.push(mention);
        else this.byNode.set(node, [mention]);
      }
      for (const r of ranges) this.uncommitted.push(r);
    }
    if (list.length) this.byBlock.set(b.block, list);
    return list.length - before;
  }

  /** Is this text already a mention (overlapping rescans stay idempotent)? */
  private has(r: StaticRange): boolean {
    const list = this.byNode.get(r.startContainer as Text);
    if (list) for (const m of list) for (const s of m.statics) if (s.startContainer === r.startContainer && s.startOffset === r.startOffset) return true;
    return false;
  }

  private rangesFor(b: TextBlock, start: number, end: number): StaticRange[] {
    const [sn, so] = locate(b, start, false);
    const [en, eo] = locate(b, end, true);
    if (sn === en) return [staticRange({ startContainer: sn, startOffset: so, endContainer: en, endOffset: eo })];
    // One range per text node, so each piece is its own highlight and hit-test unit.
    const out: StaticRange[] = [];
    for (let i = b.nodes.indexOf(sn); i < b.nodes.length; i++) {
      const n = b.nodes[i];
      const s = n === sn ? so : 0;
      const e = n === en ? eo : n.data.length;
      if (e > s && n.data.slice(s, e).trim() !== '')
        out.push(staticRange({ startContainer: n, startOffset: s, endContainer: n, endOffset: e }));
      if (n === en) break;
    }
    return out;
  }

  /** Scan `root` in slices; the part in view first when `viewportFirst`. */
  async scan(root: Node, viewportFirst = true): Promise<void> {
    this.shown.newPass();
    const start = viewportFirst ? firstVisibleBlock(this.doc, root) : null;
    if (start) {
      await this.run(new BlockWalker(root, { startAt: start }));
      await this.run(new BlockWalker(root, { stopAt: start }));
    } else {
      await this.run(new BlockWalker(root));
    }
  }

  /** Synchronous scan of a small subtree (mutation batches); shown at once. */
  scanNow(root: Node): number {
    this.shown.newPass();
    const w = new BlockWalker(root);
    let n = 0;
    for (let b = w.next(); b; b = w.next()) n += this.scanBlock(b);
    this.commit();
    return n;
  }

  private async run(w: BlockWalker): Promise<void> {
    this.lastCommit = performance.now();
    // The block where the first name turns up, while the matcher warms up in tasks of its own.
    let cold: TextBlock | null = null;
    for (;;) {
      if (this.o.signal?.aborted) return;
      const t0 = performance.now();
      const deadline = t0 + SCAN_SLICE_MS;
      let added = 0;
      let b: TextBlock | null = null;
      while ((b = cold ?? w.next())) {
        cold = null;
        try {
          added += this.scanBlock(b, true);
        } catch (err) {
          if (err !== COLD) throw err;
          cold = b;
          break;
        }
        if (performance.now() >= deadline) break;
      }
      const t1 = performance.now();
      if (t1 - t0 > this.longestSliceMs) this.longestSliceMs = t1 - t0;
      // Throttled commits end with a trailing one: the last slice (`!b`) always commits, and every
      // other path that registers (scanNow, drop) commits what is pending, this scan's ranges too.
      if (!b || t1 - this.lastCommit >= COMMIT_INTERVAL_MS) this.commit();
      if (added) this.o.onChange?.();
      if (!b) return;
      await yieldToPage();
      if (cold && !(await inTasks(warmSteps(this.matcher), this.o.signal))) return;
    }
  }

  /** Forget the mentions inside these subtrees (before rescanning them). */
  dropWithin(roots: Node[]): number {
    if (!roots.length) return 0;
    const set = new Set<Node>(roots);
    const inside = (m: Mention) => {
      for (let a: Node | null = m.statics[0].startContainer; a; a = a.parentNode) if (set.has(a)) return true;
      return false;
    };
    // Mentions of one block share their ancestors: decide per block, from its first mention.
    const blocks = new Set<Element>();
    for (const [block, list] of this.byBlock) if (inside(list[0])) blocks.add(block);
    return blocks.size ? this.drop((m) => blocks.has(m.block)) : 0;
  }

  /** Forget mentions whose text left the page. */
  sweep(): number {
    return this.drop((m) => !m.connected);
  }

  /** Forget the mentions `pred` picks. */
  drop(pred: (m: Mention) => boolean): number {
    this.commit();
    let n = 0;
    for (const [block, list] of this.byBlock) {
      const keep = list.filter((m) => !pred(m));
      if (keep.length === list.length) continue;
      for (const m of list)
        if (!keep.includes(m)) {
          this.hl.remove(m.statics);
          n++;
          for (const r of m.statics) {
            const arr = this.byNode.get(r.startContainer as Text);
            if (arr) this.byNode.set(r.startContainer as Text, arr.filter((x) => x !== m));
          }
        }
      if (keep.length) this.byBlock.set(block, keep);
      else this.byBlock.delete(block);
    }
    return n;
  }

  /**
   * Forget every mention. Their text nodes leave `byNode` too: a full rescan after clear() finds
   * the same text again, and a stale entry there would make register() take it for a mention
   * already shown and skip it (Scanner.has), so the rescan would show nothing of what stayed.
   */
  clear(): void {
    this.hidden.stop();
    this.uncommitted = [];
    for (const list of this.byBlock.values())
      for (const m of list) {
        this.hl.remove(m.statics);
        for (const r of m.statics) this.byNode.delete(r.startContainer as Text);
      }
    this.byBlock.clear();
    this.deferred.clear();
    this.unambiguous = 0;
  }
}
