/**
 * The page engine: the scan of the document and of every shadow root in it (open, and closed where
 * the extension APIs reach them: shadow.ts), then keeping highlights in step with the page — one
 * batched MutationObserver, SPA navigations (pushState, popstate), shadow roots attached later in
 * added content or by custom elements. Everything stops with the signal:
 * observer disconnected, listeners removed, shadow-root styles taken back.
 *
 * The scanner is asked for on each use (`hooks.scanner()`), so the content script can replace it
 * when settings change.
 */
import type { Highlighter } from './highlighter';
import type { ScanRoot } from './observer';
import { observeMutations, type BatchedObserver } from './observer';
import type { Scanner } from './scanner';
import { yieldToPage } from './yield';
import { adoptHighlightStyles, findShadowRoots, laterHosts, upgradedShadowRoots, type LaterHosts } from './shadow';
import { inSkipped } from './text-walker';
import { UPGRADE_CHECKS_MS } from '../core/constants';


export interface EngineHooks {
  /** The scanner in use now. */
  scanner(): Scanner;
  /** Is highlighting on for this page (site switch)? Mutations are ignored while off. */
  enabled?(): boolean;
  /** Mentions were added or removed after the initial scan (a batch of mutations, a rescan). */
  changed?(): void;
  /** The highlighter, when its painting edits the DOM (wrapping fallback): its edits are not page changes. */
  highlighter?: Highlighter;
}

export class PageEngine {
  private shadows = new Map<ShadowRoot, (() => void) | null>();
  private observer: BatchedObserver | null = null;
  private href: string;
  private fullScan: Promise<void> | null = null;
  private fullAgain = false;
  /**
   * Custom elements without a shadow root when searched. A shadow root attached to an element
   * already scanned is reported by no mutation (and a content script cannot hook the page's
   * attachShadow without running code in the page's own world, which the page could see).
   * Elements not defined yet (their definition usually attaches one) are looked at again with
   * every batch of mutations and a few times after load (UPGRADE_CHECKS_MS); defined ones (a
   * component that renders later) only at those times, then let go. Built-in elements given a
   * shadow root after their scan are found at the next full scan (SPA navigation, settings).
   */
  private later: LaterHosts = laterHosts();

  constructor(
    private doc: Document,
    private hooks: EngineHooks,
    private signal: AbortSignal,
  ) {
    this.href = doc.location?.href ?? '';
    signal.addEventListener('abort', () => {
      for (const undo of this.shadows.values()) undo?.();
      this.shadows.clear();
      this.observer = null;
    });
  }

  /** The shadow roots being scanned (hit testing passes them to caretPositionFromPoint). */
  get shadowRoots(): ShadowRoot[] {
    return [...this.shadows.keys()];
  }

  private get root(): Element {
    return this.doc.body ?? this.doc.documentElement;
  }

  private enabled(): boolean {
    return !this.signal.aborted && (this.hooks.enabled?.() ?? true);
  }

  /** Scan the document (the part in view first), then every shadow root in it. */
  async scanAll(): Promise<void> {
    const scanner = this.hooks.scanner();
    await scanner.scan(this.root);
    if (this.signal.aborted) return;
    await yieldToPage();
    this.addShadowRoots(findShadowRoots(this.root, [], this.later));
    for (const sr of this.shadows.keys()) {
      if (this.signal.aborted || scanner !== this.hooks.scanner()) return;
      await scanner.scan(sr, false);
    }
  }

  /**
   * Start following the page. Call before the first scan (full()), not after it: the scan yields
   * to the page between slices, and a change the page makes then, behind the walk, would reach
   * neither the walk nor an observer that starts later. Observed from the start, it is in the
   * next batch of mutations, and rescanning what the walk also reached adds nothing twice
   * (Scanner.register skips text that is a mention already).
   */
  observe(): void {
    if (this.signal.aborted || this.observer) return;
    const obs = observeMutations(
      this.doc.documentElement,
      {
        beforeFlush: () => {
          this.checkLocation();
          this.checkUpgrades();
        },
        rescan: (roots) => this.rescan(roots),
        full: () => void this.full(),
        sweep: () => {
          if (this.hooks.scanner().sweep()) this.hooks.changed?.();
        },
        added: (elements) => {
          const found: ShadowRoot[] = [];
          for (const el of elements) findShadowRoots(el, found, this.later);
          const fresh = this.addShadowRoots(found);
          if (fresh.length && this.enabled()) {
            for (const sr of fresh) this.hooks.scanner().scanNow(sr);
            this.hooks.changed?.();
          }
        },
      },
      this.signal,
    );
    this.observer = obs;
    for (const sr of this.shadows.keys()) obs.observe(sr);
    const hl = this.hooks.highlighter;
    if (hl?.guard) {
      hl.guard = (edit) => (this.signal.aborted ? edit() : obs.ignore(edit));
    }
    // Back/forward in an SPA: the page swaps content; handle it now rather than after the debounce.
    this.doc.defaultView?.addEventListener('popstate', () => obs.flush(), { signal: this.signal });
    for (const ms of UPGRADE_CHECKS_MS) {
      const t = setTimeout(() => this.checkUpgrades(ms === UPGRADE_CHECKS_MS.at(-1) ? 'last' : 'timed'), ms);
      this.signal.addEventListener('abort', () => clearTimeout(t));
    }
  }

  /**
   * Scan the shadow roots that custom elements got since they were last looked at: those not
   * defined yet on every call; at the timed checks also the defined ones, let go after the last.
   */
  private checkUpgrades(when: 'batch' | 'timed' | 'last' = 'batch'): void {
    if (!this.enabled()) return;
    const found = upgradedShadowRoots(this.later, when);
    const fresh = this.addShadowRoots(found);
    if (!fresh.length) return;
    for (const sr of fresh) this.hooks.scanner().scanNow(sr);
    this.hooks.changed?.();
  }

  private addShadowRoots(found: ShadowRoot[]): ShadowRoot[] {
    const fresh: ShadowRoot[] = [];
    for (const sr of found) {
      if (this.shadows.has(sr) || inSkipped(sr.host)) continue;
      this.shadows.set(sr, adoptHighlightStyles(sr));
      this.observer?.observe(sr);
      fresh.push(sr);
    }
    return fresh;
  }

  private rescan(roots: ScanRoot[]): void {
    if (!this.enabled()) return;
    const scanner = this.hooks.scanner();
    scanner.dropWithin(roots);
    for (const r of roots) scanner.scanNow(r);
    this.hooks.changed?.();
  }

  /** An SPA navigation (pushState, replaceState, popstate) shows a new page: scan it as one. */
  private checkLocation(): void {
    const href = this.doc.location?.href ?? '';
    if (href === this.href) return;
    this.href = href;
    void this.full();
  }

  /**
   * Scan everything from scratch (viewport first): the first scan, after settings change, an SPA
   * navigation, a batch of mutations too large to rescan piece by piece. One at a time, with a
   * trailing run: a request while a scan is in flight sets `fullAgain`, and the loop looks at it
   * after each pass. Looking at it and letting go of `fullScan` happen in one synchronous step
   * (the `finally` of the same async function, no await between), so a request is either seen by
   * the loop or starts a scan of its own: none can fall between the two.
   */
  full(): Promise<void> {
    if (!this.enabled()) return Promise.resolve();
    if (this.fullScan) {
      this.fullAgain = true;
      return this.fullScan;
    }
    const run = async () => {
      try {
        do {
          this.fullAgain = false;
          this.hooks.scanner().clear();
          await this.scanAll();
          this.hooks.changed?.();
        } while (this.fullAgain && this.enabled());
      } finally {
        this.fullScan = null;
      }
    };
    // run() returns at its first await (scanAll always awaits), so this assignment comes before
    // its `finally`.
    this.fullScan = run();
    return this.fullScan;
  }
}
