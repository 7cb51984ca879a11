/**
 * A page session: the state every content-script feature reads — settings, the alias index and
 * its matcher, whether the site is on, the scanner with its mentions — and the one way to change
 * it: `apply()` new settings, which rebuilds the scanner when they need a fresh scan.
 * Features (src/dom/features/*) subscribe to what happens: `mentions` (the set of mentions
 * changed), `rebuild` (a new scan is about to replace every mention), `settings` (new settings).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createMatcher, type Matcher } from '../core/matcher';
import type { CompiledIndex } from '../core/index-format';
import { sameIndex } from '../knowledge/fingerprint';
import { entityFilter, needsRescan } from '../settings/apply';
import type { Settings } from '../settings/defaults';
import type { PageSettings } from '../settings/page';
import { siteEnabled } from '../settings/sites';
import { PageEngine } from './engine';
import type { Highlighter } from './highlighter';
import { compareMentions, type Mention } from './mentions';
import { Scanner } from './scanner';

export type SessionEvent = 'mentions' | 'rebuild' | 'settings';

export class PageSession {
  settings: Settings;
  index: CompiledIndex;
  matcher: Matcher;
  /** Highlighting is on for this site. */
  enabled: boolean;
  scanner: Scanner;
  readonly engine: PageEngine;
  readonly host: string;
  // Private names (#) are shortened by the minifier: this code runs in every page.
  /** Each (re)scan gets its own abort, so a settings change stops a scan in flight. */
  #scanAbort = new AbortController();
  #listeners: Record<SessionEvent, Array<() => void>> = { mentions: [], rebuild: [], settings: [] };
  readonly ctx: ContentScriptContext;
  readonly doc: Document;
  readonly hl: Highlighter;
  readonly signal: AbortSignal;

  constructor(ctx: ContentScriptContext, doc: Document, hl: Highlighter, setup: PageSettings, signal: AbortSignal) {
    this.ctx = ctx;
    this.doc = doc;
    this.hl = hl;
    this.signal = signal;
    this.settings = setup.settings;
    this.index = setup.index;
    this.host = doc.location?.hostname ?? '';
    this.enabled = siteEnabled(this.settings, this.host);
    this.matcher = createMatcher(this.index);
    this.scanner = this.#makeScanner();
    // The page engine: document and open shadow roots, mutations, SPA navigations (engine.ts).
    this.engine = new PageEngine(doc, { scanner: () => this.scanner, enabled: () => this.enabled, changed: () => this.#emit('mentions'), highlighter: hl }, signal);
  }

  #makeScanner(): Scanner {
    return new Scanner(this.doc, this.matcher, this.hl, {
      signal: AbortSignal.any([this.signal, this.#scanAbort.signal]),
      strictness: this.settings.strictness,
      accept: entityFilter(this.settings, this.index),
      onChange: () => this.#emit('mentions'),
    });
  }

  on(event: SessionEvent, fn: () => void): void {
    this.#listeners[event].push(fn);
  }

  #emit(event: SessionEvent): void {
    for (const fn of this.#listeners[event]) fn();
  }

  /** Mentions in document order. */
  mentions(): Mention[] {
    return [...this.scanner.mentions()].sort(compareMentions);
  }

  /** Observe first, then scan (see PageEngine.observe): what the page changes while the first scan yields is in the observer's next batch. */
  async start(): Promise<void> {
    this.engine.observe();
    await this.engine.full();
    this.#emit('mentions');
  }

  /** New settings or a new merged index (the user imported or removed entries). */
  apply(next: PageSettings): void {
    if (this.signal.aborted) return;
    const prev = this.settings;
    this.settings = next.settings;
    this.#emit('settings');
    const nowEnabled = siteEnabled(next.settings, this.host);
    const newIndex = !sameIndex(next.index, this.index);
    if (newIndex) {
      this.index = next.index;
      this.matcher = createMatcher(next.index);
    }
    if (nowEnabled === this.enabled && !needsRescan(prev, next.settings) && !newIndex) return;
    this.enabled = nowEnabled;
    void this.rebuild();
  }

  /** Drop every mention and scan again with a new scanner (current settings and index). */
  async rebuild(): Promise<void> {
    this.#scanAbort.abort();
    this.#scanAbort = new AbortController();
    this.#emit('rebuild');
    this.scanner.clear();
    this.scanner = this.#makeScanner();
    // Joins a scan in flight as its trailing run (PageEngine.full), with the new scanner.
    await this.engine.full();
    this.#emit('mentions');
  }

  /** Clear every mention and highlight (the extension went away). */
  dispose(): void {
    this.scanner.clear();
    this.hl.clear();
  }
}
