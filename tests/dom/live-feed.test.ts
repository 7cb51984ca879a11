/**
 * Live feeds: a change that arrives while the previous one is being scanned, rescanned or
 * committed is carried into a trailing run, never dropped. Fake timers drive the page's appends,
 * the observer's debounce, the scan's yields and the highlighter's slices in a fixed order.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MUTATION_DEBOUNCE_MS } from '../../src/core/constants';
import { PageEngine } from '../../src/dom/engine';
import { createHighlighter, HL_MENTION } from '../../src/dom/highlighter';
import { observeMutations } from '../../src/dom/observer';
import { Scanner } from '../../src/dom/scanner';
import { start } from '../../src/dom/start';
import { compileIndex } from '../../src/knowledge/compile';
import type { Entry } from '../../src/knowledge/schema';
import { body, collecting, testMatcher, text } from './helpers';

// No background to ask: the content script runs with default settings and the bundled index.
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      sendMessage: () => Promise.reject(new Error('no background')),
      onMessage: { addListener() {} },
      getURL: (path: string) => path,
    },
    storage: { onChanged: { addListener() {}, removeListener() {} } },
  },
}));

const NAMES = ['Claude Opus 4.6', 'GPT-5.4', 'Gemini 2.5 Pro', 'Llama 3.1'];
const entry = (id: string, name: string): Entry => ({ id, name, vendor: id.split('/')[0], kind: 'model', summary: '', aliases: [name] }) as unknown as Entry;
const INDEX = compileIndex([
  entry('anthropic/claude-opus-4-6', 'Claude Opus 4.6'),
  entry('openai/gpt-5.4', 'GPT-5.4'),
  entry('google/gemini-2.5-pro', 'Gemini 2.5 Pro'),
  entry('meta/llama-3.1', 'Llama 3.1'),
]);

/** The Highlight API, as far as the highlighter uses it (happy-dom has none). */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const g = globalThis as Record<string, unknown>;
const registry = () => (window.CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
const highlighted = () => [...(registry().get(HL_MENTION) ?? [])];

/**
 * The page's feed: `per` paragraphs every `every` ms until `total`, each naming one model. Its
 * first append is already queued when the content script starts (a feed that is running).
 */
function liveFeed(total: number, per: number, every: number): void {
  const feed = document.getElementById('feed')!;
  let appended = 0;
  const tick = () => {
    for (let i = 0; i < per && appended < total; i++, appended++) {
      const p = document.createElement('p');
      p.textContent = `Update ${appended + 1}: ${NAMES[appended % NAMES.length]} answered the question of the day.`;
      feed.append(p);
    }
    if (appended < total) setTimeout(tick, every);
  };
  setTimeout(tick, 0);
}

/** Numbers of the feed's paragraphs that have no highlighted mention. */
function unhighlighted(): number[] {
  const hit = new Set(highlighted().map((r) => r.startContainer.parentNode));
  return [...document.querySelectorAll('#feed p')].map((p, i) => (hit.has(p) ? 0 : i + 1)).filter((n) => n > 0);
}

describe('live feed', () => {
  const stops: (() => void)[] = [];
  const targets = [...new Set<object>([window, globalThis])];
  const saved = new Map<object, PropertyDescriptor | undefined>();
  beforeEach(() => {
    // Timers, frames and the clock are the test's; microtasks (mutation records, promises) run as usual.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'Date'] });
    // Yielding to the page queues a task behind the page's own, as scheduler.postTask does.
    g.scheduler = { postTask: (cb: () => void) => new Promise<void>((r) => setTimeout(() => r(cb()), 0)) };
    g.Highlight = FakeHighlight;
    (window as unknown as Record<string, unknown>).Highlight = FakeHighlight;
    // happy-dom makes a new CSS object on each read: one that keeps its highlight registry.
    const css = Object.assign(window.CSS, { highlights: new Map() });
    for (const w of targets) {
      saved.set(w, Object.getOwnPropertyDescriptor(w, 'CSS'));
      Object.defineProperty(w, 'CSS', { value: css, configurable: true, writable: true });
    }
    g.__MODELLENS_INDEX__ = INDEX;
  });
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    vi.useRealTimers();
    delete g.scheduler;
    delete g.Highlight;
    delete (window as unknown as Record<string, unknown>).Highlight;
    for (const w of targets) {
      const d = saved.get(w);
      if (d) Object.defineProperty(w, 'CSS', d);
      else delete (w as Record<string, unknown>).CSS;
    }
    delete g.__MODELLENS_INDEX__;
  });

  /** A content-script context whose invalidation the test triggers at the end. */
  const context = () => {
    const cleanups: (() => void)[] = [];
    stops.push(() => cleanups.forEach((c) => c()));
    return {
      isInvalid: false,
      onInvalidated: (cb: () => void) => void cleanups.push(cb),
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
      setInterval: (fn: () => void, ms: number) => setInterval(fn, ms) as unknown as number,
      requestAnimationFrame: (fn: FrameRequestCallback) => requestAnimationFrame(fn),
      addEventListener: (t: EventTarget, type: string, fn: EventListener, o?: AddEventListenerOptions) => t.addEventListener(type, fn, o),
    };
  };

  it('highlights every paragraph of a feed that appends while the first scan yields', async () => {
    body('<h1>Live feed</h1><div id="feed"></div>');
    liveFeed(100, 10, 50);
    void start(context() as never);
    // The feed's 10 appends over 450 ms, then the page is idle.
    await vi.advanceTimersByTimeAsync(450 + 1500);
    expect(document.querySelectorAll('#feed p')).toHaveLength(100);
    expect(unhighlighted()).toEqual([]);
    expect(highlighted()).toHaveLength(100);
    expect(new Set(highlighted().map(text))).toEqual(new Set(NAMES));
  });

  it('highlights changes made during a full rescan, and keeps the mentions the rescan found again', async () => {
    const root = body('<p>Intro: GPT-5.4</p><div id="feed"></div>');
    const abort = new AbortController();
    stops.push(() => abort.abort());
    const hl = collecting();
    const scanner = new Scanner(document, testMatcher(), hl, { signal: abort.signal });
    const engine = new PageEngine(document, { scanner: () => scanner }, abort.signal);
    engine.observe();
    const first = engine.full();
    await vi.advanceTimersByTimeAsync(10);
    await first;
    expect(hl.ranges.map(text)).toEqual(['GPT-5.4']);
    // Too many blocks at once for piecewise rescans: one full rescan (past FULL_RESCAN_THRESHOLD).
    const feed = root.querySelector('#feed')!;
    for (let i = 0; i < 500; i++) feed.append(Object.assign(document.createElement('p'), { textContent: `Item ${i}` }));
    await vi.advanceTimersByTimeAsync(MUTATION_DEBOUNCE_MS);
    // The page goes on while that rescan yields.
    feed.append(Object.assign(document.createElement('p'), { textContent: 'Latest: Claude Opus 4.6' }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(hl.ranges.map(text).sort()).toEqual(['Claude Opus 4.6', 'GPT-5.4']);
    expect(scanner.size).toBe(2);
  });

  it('flushes again for changes made while a batch is being handled', async () => {
    const root = body('<div id="feed"></div>');
    const abort = new AbortController();
    stops.push(() => abort.abort());
    const seen: string[] = [];
    const feed = root.querySelector('#feed')!;
    const add = (id: string) => feed.append(Object.assign(document.createElement('p'), { id }));
    observeMutations(
      document.documentElement,
      {
        rescan: (roots) => {
          for (const r of roots) seen.push((r as Element).id);
          // A change that lands while this batch is handled.
          if (seen.length === 1) add('during');
        },
        full: () => seen.push('FULL'),
        sweep: () => {},
      },
      abort.signal,
    );
    add('first');
    await vi.advanceTimersByTimeAsync(MUTATION_DEBOUNCE_MS);
    expect(seen).toEqual(['first']);
    await vi.advanceTimersByTimeAsync(MUTATION_DEBOUNCE_MS);
    expect(seen).toEqual(['first', 'during']);
  });

  it('near-viewport bookkeeping takes ranges added while it waits for the page into its next slice', async () => {
    const root = body('<div id="list"></div>');
    const list = root.querySelector('#list')!;
    const ranges = (n: number) =>
      Array.from({ length: n }, (_, i) => {
        const p = list.appendChild(Object.assign(document.createElement('p'), { textContent: `GPT-5.4 ${i}` }));
        const r = document.createRange();
        r.setStart(p.firstChild!, 0);
        r.setEnd(p.firstChild!, 7);
        return r;
      });
    // Past 10 ranges only those near the viewport are registered (happy-dom: every element is).
    const hl = createHighlighter(window as unknown as Window & typeof globalThis, 10, 5);
    stops.push(() => hl.clear());
    // Each look at the clock is 5 ms later: every slice ends after its first 64 ranges.
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
    const first = ranges(200);
    hl.add(first);
    expect(highlighted().length).toBeLessThan(200);
    const second = ranges(30);
    hl.add(second);
    await vi.advanceTimersByTimeAsync(50);
    expect(new Set(highlighted())).toEqual(new Set([...first, ...second]));
  });
});
