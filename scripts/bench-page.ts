/**
 * The in-page half of `npm run bench`: bundled by scripts/bench.ts (esbuild, IIFE) from the real
 * engine sources and evaluated in each page. Exposes `globalThis.__mlBench`; every function returns
 * plain JSON figures. Nothing here is shipped in the extension.
 */
import type { CompiledIndex } from '../src/core/index-format';
import { createMatcher, match, type Matcher } from '../src/core/matcher';
import { createHighlighter, HL_MENTION, type Highlighter } from '../src/dom/highlighter';
import { PageEngine } from '../src/dom/engine';
import { Scanner } from '../src/dom/scanner';
import { BlockWalker } from '../src/dom/text-walker';

declare const Mark: new (ctx: Element | Document) => {
  mark(terms: string[], opt: Record<string, unknown>): void;
};

let matcher: Matcher | null = null;
let index: CompiledIndex | null = null;
let engine: PageEngine | null = null;
let abort: AbortController | null = null;

const now = () => performance.now();
const nextFrame = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      // The message runs after the frame's style, layout and paint work.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(now());
      ch.port2.postMessage(0);
    }),
  );

function must<T>(x: T | null): T {
  if (!x) throw new Error('bench: setIndex() first');
  return x;
}

/** A highlighter that only collects (for measuring the scan without paint registry churn). */
function collecting(): Highlighter & { ranges: AbstractRange[] } {
  const ranges: AbstractRange[] = [];
  return {
    ranges,
    add(r) {
      for (const x of r) ranges.push(x);
    },
    remove() {},
    setActive() {},
    clear() {
      ranges.length = 0;
    },
    get count() {
      return ranges.length;
    },
  };
}

function reset(): void {
  abort?.abort();
  abort = null;
  engine = null;
  (CSS as unknown as { highlights: Map<string, unknown> }).highlights.clear();
}

const api = {
  setIndex(source: string): { ms: number } {
    // The shipped form: a classic script assigning an object literal, then the matcher.
    const t0 = now();
    new Function(source)();
    index = (globalThis as { __MODELLENS_INDEX__?: CompiledIndex }).__MODELLENS_INDEX__!;
    matcher = createMatcher(index);
    match('warm up: Claude Opus 4.6 and GPT-5.4', matcher);
    return { ms: now() - t0 };
  },

  /** Matcher ready: index script evaluated, RegExp built and compiled by a first match. */
  matcherReady(source: string): { ms: number; aliases: number; compileOnlyMs: number } {
    const t0 = now();
    new Function(source)();
    const idx = (globalThis as { __MODELLENS_INDEX__?: CompiledIndex }).__MODELLENS_INDEX__!;
    const t1 = now();
    const m = createMatcher(idx);
    match('warm up: Claude Opus 4.6 and GPT-5.4', m);
    const t2 = now();
    return { ms: t2 - t0, compileOnlyMs: t2 - t1, aliases: Object.keys(idx.keys).length + idx.forms.length };
  },

  /** The floor: one TreeWalker over the body reading every text node's data. */
  floor(): { ms: number; nodes: number; chars: number } {
    const t0 = now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      nodes++;
      chars += (n as Text).data.length;
    }
    return { ms: now() - t0, nodes, chars };
  },

  /** The real scan, synchronously over the whole page (the work the sliced scan spreads out). */
  scanSync(): { ms: number; mentions: number; ranges: number } {
    reset();
    const hl = collecting();
    const scanner = new Scanner(document, must(matcher), hl);
    const t0 = now();
    scanner.scanNow(document.body);
    const ms = now() - t0;
    return { ms, mentions: scanner.size, ranges: hl.ranges.length };
  },

  /** Floor and scan, interleaved, each repeated until the timer's coarse resolution stops mattering. */
  ratio(): { floorMs: number; walkMs: number; readsMs: number; scanMs: number; minRegexMs: number; aliasOnlyMs: number; nodes: number; chars: number; mentions: number } {
    const per = (fn: () => { ms: number }) => {
      let n = 0;
      let total = 0;
      const t0 = now();
      do {
        total += fn().ms;
        n++;
      } while (now() - t0 < 25 || n < 3);
      return total / n;
    };
    api.floor();
    api.scanSync();
    const floors: number[] = [];
    const walks: number[] = [];
    const reads: number[] = [];
    const scans: number[] = [];
    const minRes: number[] = [];
    const aliasRes: number[] = [];
    const joined = pageText();
    for (let i = 0; i < 5; i++) {
      floors.push(per(() => api.floor()));
      walks.push(per(() => api.walkOnly()));
      reads.push(per(() => api.reads()));
      scans.push(per(() => api.scanSync()));
      minRes.push(per(() => api.minRegex()));
      aliasRes.push(per(() => api.aliasOnly(joined)));
    }
    const med = (xs: number[]) => xs.sort((a, c) => a - c)[xs.length >> 1];
    const f = api.floor();
    const s = api.scanSync();
    reset();
    return { floorMs: med(floors), walkMs: med(walks), readsMs: med(reads), scanMs: med(scans), minRegexMs: med(minRes), aliasOnlyMs: med(aliasRes), nodes: f.nodes, chars: f.chars, mentions: s.mentions };
  },

  /**
   * The extension's start on this page, as shipped: engine with real highlighter, sliced scan,
   * observers. Measures wall time, the longest task (long-task API and a message-ping probe) and
   * the largest requestAnimationFrame gap while it runs.
   */
  async scanAsync(): Promise<{ wallMs: number; mentions: number; sliceMs: number } & ProbeFigures> {
    reset();
    const probe = startProbe();
    await nextFrame();
    const t0 = now();
    const s = await startEngine();
    const wallMs = now() - t0;
    await nextFrame();
    const p = probe.stop();
    return { wallMs, mentions: s.size, sliceMs: s.longestSliceMs, ...p };
  },

  /** Highlight count of the running engine (flood page). */
  highlightCount(): number {
    const h = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get(HL_MENTION);
    return h ? h.size : 0;
  },

  /**
   * The mutation flood: the page appends `total` paragraphs (each with one mention) over `ms`,
   * while the engine runs. Returns responsiveness figures and how many mentions got highlighted.
   */
  async flood(total: number, ms: number, names: string[]): Promise<{ appended: number; highlighted: number; catchUpMs: number } & ProbeFigures> {
    reset();
    const s = await startEngine();
    const before = s.size;
    const feed = document.getElementById('feed') ?? document.body;
    const probe = startProbe();
    let appended = 0;
    const perTick = Math.max(1, Math.round(total / (ms / 16)));
    await new Promise<void>((resolve) => {
      const tick = () => {
        for (let i = 0; i < perTick && appended < total; i++, appended++) {
          const p = document.createElement('p');
          p.append(`Item ${appended}: today `, names[appended % names.length], ` was benchmarked on a long context task.`);
          if (appended % 3 === 0) {
            const b = document.createElement('b');
            b.textContent = 'new';
            p.prepend(b, ' ');
          }
          feed.append(p);
        }
        if (appended < total) setTimeout(tick, 16);
        else resolve();
      };
      tick();
    });
    const tEnd = now();
    const want = before + total;
    while (s.size < want && now() - tEnd < 10_000) await new Promise((r) => setTimeout(r, 10));
    const catchUpMs = now() - tEnd;
    const p = probe.stop();
    return { appended, highlighted: s.size - before, catchUpMs, ...p };
  },

  /**
   * Next-frame cost of painting the page's mentions: "highlight" gives the ranges to the shipped
   * highlighter (on a page with this many, it registers those near the viewport); "highlight-all"
   * registers every range in CSS.highlights; "wrap" wraps the same text in <mark> elements (what
   * wrapping highlighters do). All start from the same computed ranges and end when the next frame
   * has been produced. For the highlight modes, `hoverMs` is the frame after the active mention
   * changes (what every hover costs once the highlights are up).
   */
  async frameCost(mode: 'highlight' | 'highlight-all' | 'wrap'): Promise<{ ms: number; jsMs: number; count: number; registered: number; hoverMs: number }> {
    reset();
    const hl = collecting();
    const scanner = new Scanner(document, must(matcher), hl);
    scanner.scanNow(document.body);
    const ranges = hl.ranges;
    await nextFrame();
    await nextFrame();
    const t0 = now();
    let h: Highlighter | null = null;
    if (mode !== 'wrap') {
      h = mode === 'highlight' ? createHighlighter() : createHighlighter(window, Infinity);
      h.add(ranges as Range[]);
    } else {
      // Last to first, so earlier offsets stay valid while text nodes are split.
      for (let i = ranges.length - 1; i >= 0; i--) {
        const r = ranges[i];
        const t = r.startContainer as Text;
        const so = r.startOffset;
        const eo = r.endOffset;
        const mid = so > 0 ? t.splitText(so) : t;
        if (eo - so < mid.data.length) mid.splitText(eo - so);
        const mark = document.createElement('mark');
        mid.replaceWith(mark);
        mark.append(mid);
      }
    }
    const t1 = now();
    const t2 = await nextFrame();
    let hoverMs = NaN;
    if (h) {
      // Let the viewport observer's first answers in, then hover one mention in view.
      await nextFrame();
      await nextFrame();
      const inView = ranges.find((r) => {
        const b = (r.startContainer as Text).parentElement!.getBoundingClientRect();
        return b.top >= 0 && b.bottom <= innerHeight;
      });
      const t3 = now();
      h.setActive(inView ? [inView] : null);
      hoverMs = (await nextFrame()) - t3;
    }
    const registered = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get(HL_MENTION)?.size ?? 0;
    return { ms: t2 - t0, jsMs: t1 - t0, count: ranges.length, registered: mode === 'wrap' ? ranges.length : registered, hoverMs };
  },

  /**
   * The page's own cost of a repaint: the frame after the page changes one paragraph's colour (any
   * change to what is drawn, a highlight included, costs at least this on the next frame).
   */
  async repaint(): Promise<{ ms: number }> {
    reset();
    const p = document.querySelector('p') ?? document.body;
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      await nextFrame();
      await nextFrame();
      const t0 = now();
      (p as HTMLElement).style.color = i % 2 ? '#222' : '#333';
      runs.push((await nextFrame()) - t0);
    }
    (p as HTMLElement).style.color = '';
    return { ms: runs.sort((a, b) => a - b)[1] };
  },

  /**
   * The least a RegExp-based scan can cost: the floor's walk plus one never-matching literal
   * RegExp over every text node (the simplest expression V8 runs).
   */
  aliasOnly(texts: string[]): { ms: number; hits: number } {
    const re = must(matcher).re;
    const t0 = now();
    let hits = 0;
    for (const text of texts) {
      re.lastIndex = 0;
      while (re.exec(text)) hits++;
    }
    return { ms: now() - t0, hits };
  },

  minRegex(): { ms: number; hits: number } {
    const re = /\u0000\u0001never/;
    const t0 = now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let hits = 0;
    for (let n = w.nextNode(); n; n = w.nextNode()) if (re.test((n as Text).data)) hits++;
    return { ms: now() - t0, hits };
  },

  /** mark.js over the same alias list (mutates the page: run last). */
  markjs(terms: string[]): { ms: number; marks: number } {
    reset();
    let marks = 0;
    const t0 = now();
    new Mark(document.body).mark(terms, {
      separateWordSearch: false,
      diacritics: false,
      acrossElements: true,
      done: (n: number) => (marks = n),
    });
    return { ms: now() - t0, marks };
  },

  /**
   * The floor plus the two node reads the walk needs beyond it (each text node's parent, which
   * block it is in; its previous sibling, whether it continues the line), and nothing else: what
   * the walk costs before any of its own logic.
   */
  reads(): { ms: number; nodes: number } {
    const t0 = now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let same = 0;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      nodes += (n as Text).data.length;
      if (n.parentNode === n.previousSibling) same++;
    }
    return { ms: now() - t0, nodes: nodes + same };
  },

  /** The walker alone: blocks, no matching (the walk ÷ floor column). */
  walkOnly(): { ms: number; blocks: number } {
    const t0 = now();
    const w = new BlockWalker(document.body);
    let blocks = 0;
    for (let b = w.next(); b; b = w.next()) blocks++;
    return { ms: now() - t0, blocks };
  },

  /** Where the scan's time goes (development aid). */
  profile(): Record<string, number> {
    const blocks: string[] = [];
    const t0 = now();
    const w = new BlockWalker(document.body);
    for (let b = w.next(); b; b = w.next()) blocks.push(b.text);
    const t1 = now();
    let hits = 0;
    const m = must(matcher);
    for (const t of blocks) {
      m.re.lastIndex = 0;
      while (m.re.exec(t)) hits++;
    }
    const t2 = now();
    let n = 0;
    for (const t of blocks) n += match(t, m).length;
    const t3 = now();
    const all = blocks.join('\n');
    const t4 = now();
    m.re.lastIndex = 0;
    while (m.re.exec(all)) hits++;
    const t5 = now();
    return { walk: t1 - t0, regex: t2 - t1, match: t3 - t2, regexJoined: t5 - t4, blocks: blocks.length, chars: all.length, hits, n };
  },

  stop(): void {
    reset();
  },
};

/** What the content script does at start: highlighter, scanner, engine; scan, then observe. */
async function startEngine(): Promise<Scanner> {
  abort = new AbortController();
  const signal = abort.signal;
  const hl = createHighlighter();
  const s = new Scanner(document, must(matcher), hl, { signal });
  engine = new PageEngine(document, { scanner: () => s }, signal);
  signal.addEventListener('abort', () => {
    s.clear();
    hl.clear();
  });
  await engine.scanAll();
  engine.observe();
  return s;
}

/** Long tasks (PerformanceObserver), longest gap between message pings, rAF gaps. */
/** The text of every block the scan matches (for aliasOnly; read beforehand, not timed). */
function pageText(): string[] {
  const out: string[] = [];
  const w = new BlockWalker(document.body);
  for (let b = w.next(); b; b = w.next()) out.push(b.text);
  return out;
}

/** What the responsiveness probe reports. */
interface ProbeFigures {
  longTaskMs: number;
  maxTaskMs: number;
  maxFrameGapMs: number;
  frames: number;
}

function startProbe(): { stop(): ProbeFigures } {
  // NaN where the browser has no long-task API (Firefox).
  let longTaskMs = PerformanceObserver.supportedEntryTypes?.includes('longtask') ? 0 : NaN;
  let po: PerformanceObserver | null = null;
  if (!Number.isNaN(longTaskMs))
    try {
      po = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longTaskMs = Math.max(longTaskMs, e.duration);
      });
      po.observe({ type: 'longtask' });
    } catch {
      po = null;
    }
  let running = true;
  let maxTaskMs = 0;
  let maxFrameGapMs = 0;
  let frames = 0;
  let lastPing = now();
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    const t = now();
    maxTaskMs = Math.max(maxTaskMs, t - lastPing);
    lastPing = t;
    if (running) ch.port2.postMessage(0);
  };
  ch.port2.postMessage(0);
  let lastFrame = 0;
  const raf = (t: number) => {
    if (lastFrame) maxFrameGapMs = Math.max(maxFrameGapMs, t - lastFrame);
    lastFrame = t;
    frames++;
    if (running) requestAnimationFrame(raf);
  };
  requestAnimationFrame(raf);
  return {
    stop() {
      running = false;
      if (po) {
        for (const e of po.takeRecords()) longTaskMs = Math.max(longTaskMs, e.duration);
        po.disconnect();
      }
      ch.port1.close();
      return { longTaskMs, maxTaskMs, maxFrameGapMs, frames };
    },
  };
}

(globalThis as { __mlBench?: typeof api }).__mlBench = api;
export type BenchApi = typeof api;
