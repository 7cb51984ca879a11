/**
 * A frame before its engine: read the text, ask whether it may hold a name (src/dom/probe.ts),
 * and keep watching — text the page adds, shadow roots that appear, a change of settings or of
 * the user's knowledge — until either a probe says yes or the extension asks this frame something
 * (the popup, a keyboard command, the context menu). Then the engine starts. A page without names
 * pays for reading its text and a message per part, never for the engine or the index.
 */
import { UPGRADE_CHECKS_MS } from '../core/constants';
import { isContentRequest, isMenuRequest, PAGE_SETUP_KEYS } from '../messaging/protocol';
import { api, type RuntimeApi } from './extension-script';
import { LISTENERS_GLOBAL, type MessageListener } from './globals';
import { observeMutations, type BatchedObserver } from './observer';
import { probeRoots, SLICE_MS, type Ask } from './probe';
import { findShadowRoots, findShadowRootsInSlices, laterHosts, upgradedShadowRoots, type LaterHosts } from './shadow';
import { pageHeadings } from './page-text';
import { yieldToPage } from './yield';

export interface Needed {
  /** Hand the messages that woke the frame to the engine's listeners (call once it has started, or failed to). */
  forward(): void;
}

/** Resolves when this frame needs its engine. */
export function untilNeeded(doc: Document): Promise<Needed> {
  return new Promise((resolve) => new ProbeStage(doc, resolve).start());
}

class ProbeStage {
  readonly #stop = new AbortController();
  readonly #host: string;
  readonly #root: Element;
  readonly #ext: RuntimeApi = api();
  /** Messages that came before the engine listened: [message, sender, sendResponse]. */
  readonly #held: Parameters<MessageListener>[] = [];
  #forwarded = false;
  #reading: Promise<unknown> = Promise.resolve();
  readonly #shadows: ShadowRoot[] = [];
  readonly #later: LaterHosts = laterHosts();
  #obs: BatchedObserver | null = null;

  constructor(
    readonly doc: Document,
    readonly resolve: (n: Needed) => void,
  ) {
    this.#host = doc.location?.hostname ?? '';
    this.#root = doc.body ?? doc.documentElement;
  }

  start(): void {
    const signal = this.#stop.signal;
    // Until the engine listens, this frame's answer to the extension is to start it.
    this.#ext.runtime.onMessage.addListener((msg, sender, respond) => {
      if (this.#forwarded || (globalThis as Record<string, unknown>)[LISTENERS_GLOBAL] || !(isContentRequest(msg) || isMenuRequest(msg))) return undefined;
      this.#held.push([msg, sender, respond]);
      this.#need();
      return true;
    });
    this.#obs = observeMutations(
      this.doc.documentElement,
      {
        rescan: (roots) => this.#read(() => roots),
        full: () => this.#read(() => [this.#root, ...this.#shadows]),
        sweep: () => undefined,
        added: (elements) => this.#addShadows(elements.flatMap((el) => findShadowRoots(el, [], this.#later))),
        beforeFlush: () => this.#upgrades('batch'),
      },
      signal,
    );
    for (const ms of UPGRADE_CHECKS_MS) {
      const t = setTimeout(() => this.#upgrades(ms === UPGRADE_CHECKS_MS.at(-1) ? 'last' : 'timed'), ms);
      signal.addEventListener('abort', () => clearTimeout(t));
    }
    // The document, then its shadow roots, each in tasks of their own after this one.
    this.#reading = yieldToPage();
    this.#read(() => [this.#root]);
    this.#read(async () => this.#addShadows(await findShadowRootsInSlices(this.#root, this.#later, signal, SLICE_MS), false));

    // The site switched on, or new names known (an import, a knowledge pack): read it all again.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && PAGE_SETUP_KEYS.some((k) => k in changes)) this.#read(() => [this.#root, ...this.#shadows]);
    };
    this.#ext.storage.onChanged.addListener(onStorage);
    signal.addEventListener('abort', () => this.#ext.storage.onChanged.removeListener(onStorage));

    // At right-click the context menu shows what applies: here, no mention is under the pointer.
    const report = () => void this.#ext.runtime.sendMessage({ type: 'menuContext', host: this.#host, mention: null }).catch(() => undefined);
    this.doc.addEventListener('pointerdown', (e) => e.button === 2 && report(), { capture: true, signal });
    this.doc.addEventListener('contextmenu', report, { capture: true, signal });
  }

  #need(): void {
    if (this.#stop.signal.aborted) return;
    this.#stop.abort();
    this.resolve({ forward: () => this.#forward() });
  }

  #forward(): void {
    this.#forwarded = true;
    const listeners = ((globalThis as Record<string, unknown>)[LISTENERS_GLOBAL] ?? []) as MessageListener[];
    for (const [msg, sender, respond] of this.#held.splice(0)) if (!listeners.some((l) => l(msg, sender, respond) === true)) respond(undefined);
  }

  /**
   * Ask the background about a part of the text. When the extension is gone (update, uninstall)
   * the frame stays as the page made it; when the background could not answer, the engine
   * starts: it works without the background too.
   */
  readonly #ask: Ask = (text) =>
    this.#ext.runtime.sendMessage({ type: 'probe', host: this.#host, text, headings: pageHeadings(this.doc) }).then(
      (r) => r === true,
      () => {
        if (this.#ext.runtime.id) this.#need();
        else this.#stop.abort();
        return false;
      },
    );

  /** Read these roots once what is being read is done. */
  #read(roots: () => Iterable<Node> | Promise<Iterable<Node>>): void {
    const signal = this.#stop.signal;
    this.#reading = this.#reading.then(async () => {
      if (!signal.aborted && (await probeRoots(await roots(), this.#ask, signal))) this.#need();
    });
  }

  /** Follow and (unless `read` is false: the caller reads them) read shadow roots not seen before. */
  #addShadows(found: ShadowRoot[], read = true): ShadowRoot[] {
    const fresh = found.filter((sr) => !this.#shadows.includes(sr));
    for (const sr of fresh) this.#obs?.observe(sr);
    this.#shadows.push(...fresh);
    if (read && fresh.length) this.#read(() => fresh);
    return fresh;
  }

  /** Shadow roots custom elements got since they were last looked at. */
  #upgrades(when: 'batch' | 'timed' | 'last'): void {
    this.#addShadows(upgradedShadowRoots(this.#later, when));
  }
}
