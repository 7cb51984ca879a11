/**
 * One batched MutationObserver: collects touched subtrees for MUTATION_DEBOUNCE_MS, then rescans
 * only those (or everything past FULL_RESCAN_THRESHOLD). Removed text drops its highlights.
 */
import { FULL_RESCAN_THRESHOLD, MUTATION_DEBOUNCE_MS } from '../core/constants';
import { blockOf, isSkipped } from './text-walker';

export interface ObserverHooks {
  /** Rescan these subtrees (already de-duplicated: none contains another). */
  rescan(roots: Element[]): void;
  /** Too much changed: rescan everything. */
  full(): void;
  /** Some nodes were removed: drop mentions whose text left the page. */
  sweep(): void;
}

/** Is `el` or an ancestor excluded from scanning (editors, inputs, our own UI)? */
function inSkipped(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (isSkipped(a)) return true;
  return false;
}

export function observeMutations(root: Node, hooks: ObserverHooks, signal: AbortSignal): MutationObserver {
  const touched = new Set<Element>();
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | 0 = 0;

  const flush = () => {
    timer = 0;
    if (signal.aborted) return;
    if (removed) hooks.sweep();
    removed = false;
    if (touched.size > FULL_RESCAN_THRESHOLD) {
      touched.clear();
      hooks.full();
      return;
    }
    const roots = [...touched].filter((el) => el.isConnected && !inSkipped(el));
    touched.clear();
    const top = roots.filter((el) => !roots.some((o) => o !== el && o.contains(el)));
    if (top.length) hooks.rescan(top);
  };

  const touch = (n: Node) => {
    const block = n.nodeType === 1 ? blockOf(n.firstChild ?? n) ?? (n as Element) : blockOf(n);
    if (block) touched.add(block);
  };

  const mo = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') {
        touch(r.target);
      } else {
        if (r.removedNodes.length) {
          removed = true;
          touch(r.target);
        }
        if (r.addedNodes.length) touch(r.target);
      }
    }
    if (!timer && (touched.size || removed)) timer = setTimeout(flush, MUTATION_DEBOUNCE_MS);
  });
  mo.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    mo.disconnect();
    if (timer) clearTimeout(timer);
  });
  return mo;
}
