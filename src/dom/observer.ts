/**
 * One batched MutationObserver for the document and every open shadow root ModelLens scans. It
 * collects what changed for MUTATION_DEBOUNCE_MS, then hands over only the touched subtrees (or
 * asks for everything past FULL_RESCAN_THRESHOLD). Removed text is reported so its highlights go.
 */
import { FULL_RESCAN_THRESHOLD, MUTATION_DEBOUNCE_MS } from '../core/constants';
import { isInline, SKIP_ATTRIBUTES } from './text-walker';

/** A subtree to rescan: an element, or an open shadow root (for text directly inside it). */
export type ScanRoot = Element | ShadowRoot;

export interface ObserverHooks {
  /** Rescan these subtrees (connected, not excluded, none inside another). */
  rescan(roots: ScanRoot[]): void;
  /** Too much changed: rescan everything. */
  full(): void;
  /** Some nodes were removed: drop mentions whose text left the page. */
  sweep(): void;
  /** Elements were added: look for open shadow roots in them. */
  added?(elements: Element[]): void;
  /** Called before each batch is handled (e.g. to notice an SPA navigation). */
  beforeFlush?(): void;
}

export interface BatchedObserver {
  /** Also watch this root (an open shadow root). */
  observe(root: Node): void;
  /** Handle what is pending now instead of after the debounce. */
  flush(): void;
  /** Run DOM edits of ModelLens's own (wrapping fallback) without reporting them. */
  ignore(edit: () => void): void;
}

/**
 * Text, elements, and the few attributes that show, hide or exclude text (hidden, open, editing,
 * opt-outs). Classes and styles are not watched: pages change them all the time.
 */
const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: SKIP_ATTRIBUTES };

export function observeMutations(root: Node, hooks: ObserverHooks, signal: AbortSignal): BatchedObserver {
  const touched = new Set<ScanRoot>();
  const added: Element[] = [];
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | 0 = 0;

  /**
   * Hand over what is pending. Nothing that arrives meanwhile is lost: the timer is let go and
   * each pending set emptied before the hooks run, so records delivered during or after them
   * (a change the hooks make, or the page's next change) start a new timer for a trailing flush;
   * and since a flush runs to completion, no page change can land between taking the pending
   * work and emptying it.
   */
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = 0;
    if (signal.aborted) return;
    hooks.beforeFlush?.();
    if (removed) hooks.sweep();
    removed = false;
    if (added.length) hooks.added?.(added.splice(0).filter((el) => el.isConnected));
    if (touched.size > FULL_RESCAN_THRESHOLD) {
      touched.clear();
      hooks.full();
      return;
    }
    // Excluded subtrees stay in: rescanning one drops its mentions (it may just have become
    // editable) and finds nothing new.
    const roots = [...touched].filter((r) => r.isConnected);
    touched.clear();
    if (!roots.length) return;
    hooks.rescan(outermost(roots));
  };

  const handle = (records: MutationRecord[]) => {
    if (collect(records, touched, added)) removed = true;
  };

  const mo = new MutationObserver((records) => {
    handle(records);
    if (!timer && (touched.size || removed || added.length)) timer = setTimeout(flush, MUTATION_DEBOUNCE_MS);
  });
  mo.observe(root, OPTIONS);
  signal.addEventListener('abort', () => {
    mo.disconnect();
    if (timer) clearTimeout(timer);
    timer = 0;
    touched.clear();
    added.length = 0;
  });
  return {
    observe: (r) => {
      if (!signal.aborted) mo.observe(r, OPTIONS);
    },
    flush: () => {
      handle(mo.takeRecords());
      flush();
    },
    ignore: (edit) => {
      // The page's changes so far count; the edit's own records are dropped. (Script runs to
      // completion, so no page change can slip in between.)
      handle(mo.takeRecords());
      try {
        edit();
      } finally {
        mo.takeRecords();
        if (!timer && (touched.size || removed || added.length)) timer = setTimeout(flush, MUTATION_DEBOUNCE_MS);
      }
    },
  };
}

/** Keep only the outermost roots: a root inside another is rescanned with it. */
function outermost(roots: ScanRoot[]): ScanRoot[] {
  const set = new Set<Node>(roots);
  return roots.filter((r) => {
    for (let a = r.parentNode; a; a = a.parentNode) if (set.has(a)) return false;
    return true;
  });
}

/** The line a node's text belongs to changed: rescan its block (or its shadow root). */
function touchLine(touched: Set<ScanRoot>, n: Node): void {
  let p: Node | null = n.nodeType === 1 && !isInline(n as Element) ? n : n.parentNode;
  while (p && p.nodeType === 1 && isInline(p as Element)) p = p.parentNode;
  if (p && (p.nodeType === 1 || p.nodeType === 11)) touched.add(p as ScanRoot);
}

/** Add what `records` touched and added to the pending sets; true when something was removed. */
function collect(records: MutationRecord[], touched: Set<ScanRoot>, added: Element[]): boolean {
  let removed = false;
  for (const r of records) {
    if (r.type === 'characterData' || r.type === 'attributes') {
      touchLine(touched, r.target);
      continue;
    }
    if (r.removedNodes.length) {
      removed = true;
      // Removing text or inline elements changes the line around them; removing whole blocks
      // only takes their own mentions (the sweep).
      for (const n of r.removedNodes)
        if (n.nodeType === 3 || (n.nodeType === 1 && isInline(n as Element))) {
          touchLine(touched, r.target);
          break;
        }
    }
    for (const n of r.addedNodes) {
      if (n.nodeType === 3 || (n.nodeType === 1 && isInline(n as Element))) touchLine(touched, r.target);
      else if (n.nodeType === 1) touched.add(n as Element);
      if (n.nodeType === 1) added.push(n as Element);
    }
  }
  return removed;
}
