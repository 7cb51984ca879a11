/**
 * `npm run bench`: ModelLens's page engine against the cost of just reading the page's text (a
 * TreeWalker floor) and against mark.js with the same term list, in headless Chromium and Firefox
 * (one browser after the other). Every figure is taken in the page (performance.now() around the
 * work, inside one evaluation of scripts/bench-page.ts), so both browsers are measured the same
 * way without CDP. Prints per-page figures and medians and writes docs/performance.md with both
 * browsers side by side. Ratios, not a timed test.
 *
 *   npm run bench                   all pages, both browsers
 *   npm run bench -- --browser firefox   one browser (chromium | firefox | both)
 *   npm run bench -- --quick        10 real pages + the generated ones (for development)
 *   npm run bench -- --no-mark      skip mark.js (it takes minutes on large pages)
 *   npm run bench -- --no-write     do not rewrite docs/performance.md
 *   npm run bench -- --only=wiki    pages whose name contains "wiki"
 *   npm run bench -- --frames-only  only what a real page pays (page scripts on, all frames; scripts/bench-frames.ts)
 *   npm run bench -- --no-frames    skip that part
 *   npm run bench -- --frames-every=3 --frames-compare=<chrome-mv3 dir>   every 3rd page; another build side by side
 *   npm run bench -- --no-floor     leave out the floor extension (a content script that only reads the text)
 *   npm run bench -- --background-only  what the probe's answers cost the background (scripts/bench-background.ts)
 *   npm run bench -- --no-background     skip that part
 *
 * Real pages come from ../shared/pages/readability (Mozilla Readability's test pages); when that
 * folder is absent the bench says so and runs on the generated pages only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { HIGHLIGHT_WINDOW_FROM } from '../src/core/constants';
import { createMatcher, match } from '../src/core/matcher';
import type { CompiledIndex } from '../src/core/index-format';
import { compileIndex } from '../src/knowledge/compile';
import { indexScriptFor } from '../src/knowledge/pack-index';
import { readKnowledgeDir } from '../src/knowledge/load';
import type { Entry } from '../src/knowledge/schema';
import { BINARIES, type BrowserName, launch, ROOT, serve, type StaticServer } from './browser/harness';
import type { BenchApi } from './bench-page';
import { ENTRIES_DIR, INDEX_GLOBAL } from './vite-knowledge-plugin';
import { runFrames } from './bench-frames';
import { runBackground } from './bench-background';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const NO_MARK = args.has('--no-mark');
const WRITE = !args.has('--no-write');
const ONLY = [...args].find((a) => a.startsWith('--only='))?.slice(7);
const BROWSERS = browsersFrom(process.argv.slice(2));
const REAL_DIR = resolve(ROOT, '../shared/pages/readability');
const GEN_DIR = join(tmpdir(), 'modellens-bench-pages');
function browsersFrom(argv: string[]): BrowserName[] {
  const i = argv.findIndex((a) => a === '--browser' || a.startsWith('--browser='));
  const v = i < 0 ? 'both' : argv[i].includes('=') ? argv[i].slice(10) : argv[i + 1];
  if (v === 'both') return ['chromium', 'firefox'];
  if (v === 'chromium' || v === 'firefox') return [v];
  throw new Error(`--browser is chromium, firefox or both (got ${v})`);
}
/** mark.js can take minutes on one page; past this it is reported as "more than". */
const MARK_TIMEOUT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// Knowledge and term lists

function loadEntries(): Entry[] {
  const { entries, issues } = readKnowledgeDir(ENTRIES_DIR);
  if (issues.length) console.warn(`note: knowledge has ${issues.length} issue(s); benchmarking the ${entries.length} entries that parse`);
  return entries;
}

const indexScript = (entries: Entry[]) => {
  const index = compileIndex(entries);
  return { index, script: indexScriptFor(index, INDEX_GLOBAL) };
};

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t >>> 0) / 4294967296);
  };
}

/** The real entries plus synthetic ones until the index holds `total` aliases. */
function syntheticEntries(real: Entry[], total: number): Entry[] {
  const rand = rng(7);
  const syl = ['zor', 'vex', 'nim', 'bus', 'tal', 'qua', 'ren', 'dax', 'lum', 'pho', 'kry', 'sel', 'mav', 'tor', 'quin', 'ari', 'ozo', 'fen'];
  const tiers = ['Pro', 'Ultra', 'Mini', 'Nano', 'Flash', 'Max', 'Lite', 'Turbo', 'Instruct', 'Chat', 'Coder', 'Vision'];
  const word = () => {
    const n = 2 + Math.floor(rand() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += syl[Math.floor(rand() * syl.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  const out: Entry[] = [...real];
  const base = compileIndex(real);
  let aliases = Object.keys(base.keys).length + base.forms.length;
  let k = 0;
  while (aliases < total) {
    const fam = word();
    const ver = `${1 + Math.floor(rand() * 9)}.${Math.floor(rand() * 10)}`;
    const tier = tiers[Math.floor(rand() * tiers.length)];
    const name = `${fam} ${ver} ${tier}`;
    const api = `${fam.toLowerCase()}-${ver.replace('.', '-')}-${tier.toLowerCase()}`;
    const id = `synthetic/${api}-${k++}`;
    out.push({ id, name, vendor: 'Synthetic', kind: 'model', summary: 'synthetic', aliases: [name, api, `${fam} ${tier} ${ver}`] } as unknown as Entry);
    aliases += 3;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generated pages

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her ' +
  'she there been one all we their has would when if so no will more can about time people new year after first two like our ' +
  'what over also into only other could how then its than most some these them may well way even because any each between ' +
  'report company team research system data results training release market users study early public version support today ' +
  'week cost price performance quality announced according engineers open source code developers benchmark faster larger smaller'
).split(' ');

function sentence(rand: () => number, mention?: string): string {
  const n = 8 + Math.floor(rand() * 16);
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(rand() * WORDS.length)]);
  if (mention) w.splice(1 + Math.floor(rand() * (n - 2)), 0, mention);
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Candidate names for generated pages; only those the index matches whole and unambiguously are used. */
const CANDIDATES = ['Claude Opus 4.6', 'GPT-5.4', 'Gemini 2.5 Pro', 'claude-opus-4-6', 'GPT-4o', 'Claude Sonnet 4.5', 'DeepSeek-V3', 'o3', 'Gemini 2.5 Flash', 'Llama 3.1 405B', 'Mistral Large', 'Grok 4'];
let NAMES: string[] = CANDIDATES;

function pickNames(index: CompiledIndex): string[] {
  const m = createMatcher(index);
  const ok = CANDIDATES.filter((n) => {
    const r = match(`We tried ${n} today.`, m);
    return r.length === 1 && r[0].alias === n && !r[0].needsContext;
  });
  if (ok.length < 3) throw new Error(`bench: only ${ok.length} of the sample names match the index: ${ok.join(', ')}`);
  return ok;
}

function paragraph(rand: () => number, mentions: number): string {
  const parts: string[] = [];
  const sentences = 3 + Math.floor(rand() * 4);
  let left = mentions;
  for (let i = 0; i < sentences; i++) {
    const m = left > 0 && (i >= sentences - left || rand() < 0.5) ? NAMES[Math.floor(rand() * NAMES.length)] : undefined;
    if (m) left--;
    let s = esc(sentence(rand, m));
    if (rand() < 0.3) s = s.replace(/ (\w+) /, ' <a href="#x">$1</a> ');
    if (rand() < 0.2) s = s.replace(/ (\w+)\./, ' <em>$1</em>.');
    parts.push(s);
  }
  while (left-- > 0) parts.push(esc(sentence(rand, NAMES[Math.floor(rand() * NAMES.length)])));
  return `<p>${parts.join(' ')}</p>`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em}</style></head>
<body><article><h1>${title}</h1>\n${body}\n</article></body></html>\n`;
}

function generatePages(): string[] {
  mkdirSync(GEN_DIR, { recursive: true });
  const rand = rng(42);
  // ~10 MB article with ~2,000 mentions.
  const big: string[] = [];
  let size = 0;
  let mentions = 0;
  for (let i = 0; size < 10_000_000; i++) {
    if (i % 12 === 0) big.push(`<h2>${esc(sentence(rand))}</h2>`);
    const one = rand() < 0.08;
    const p = paragraph(rand, one ? 1 : 0);
    if (one) mentions++;
    big.push(i % 40 === 39 ? `<ul><li>${esc(sentence(rand))}</li><li>${esc(sentence(rand))}</li></ul>` : p);
    size += p.length;
  }
  writeFileSync(join(GEN_DIR, 'gen-10mb-article.html'), page('A very long article about models', big.join('\n')));
  void mentions;
  // 10,000 mentions.
  const many: string[] = [];
  for (let i = 0; i < 2000; i++) many.push(paragraph(rand, 5));
  writeFileSync(join(GEN_DIR, 'gen-10k-mentions.html'), page('Ten thousand mentions', many.join('\n')));
  // The flood page: a short article with a feed the bench appends to.
  const intro: string[] = [];
  for (let i = 0; i < 20; i++) intro.push(paragraph(rand, i % 4 === 0 ? 1 : 0));
  writeFileSync(join(GEN_DIR, 'gen-flood.html'), page('Infinite feed', intro.join('\n') + '\n<div id="feed"></div>'));
  return ['gen-10mb-article.html', 'gen-10k-mentions.html'];
}

// ---------------------------------------------------------------------------------------------
// Running

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function bundle(): Promise<string> {
  const r = await build({
    entryPoints: [join(ROOT, 'scripts/bench-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    absWorkingDir: ROOT,
    plugins: [
      {
        // Vite's `?inline` CSS imports, as plain strings.
        name: 'inline-css',
        setup(b) {
          b.onResolve({ filter: /\?inline$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.replace(/\?inline$/, '')), namespace: 'inline-css' }));
          b.onLoad({ filter: /.*/, namespace: 'inline-css' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text' }));
        },
      },
    ],
  });
  return r.outputFiles[0].text;
}

interface PageResult {
  name: string;
  kb: number;
  nodes: number;
  chars: number;
  floorMs: number;
  walkMs: number;
  readsMs: number;
  scanMs: number;
  minRegexMs: number;
  aliasOnlyMs: number;
  ratio: number;
  /** scan ÷ (floor + one pass of the alias expression): what the walk and the rules add. */
  passRatio: number;
  mentions: number;
  wallMs: number;
  sliceMs: number;
  longTaskMs: number;
  maxTaskMs: number;
  maxFrameGapMs: number;
  markMs: number;
  markMarks: number;
  markTimedOut: boolean;
  markRatio: number;
}

type Bench = BenchApi;
const call = <K extends keyof Bench>(p: Page, fn: K, ...a: Parameters<Bench[K]>): Promise<Awaited<ReturnType<Bench[K]>>> =>
  p.evaluate((f: string, xs: unknown[]) => (globalThis as unknown as { __mlBench: Record<string, (...x: unknown[]) => unknown> }).__mlBench[f](...xs), fn, a) as never;

class Runner {
  private page!: Page;
  constructor(
    private browser: Browser,
    private benchSrc: string,
    private markSrc: string,
    private index: string,
  ) {}

  async open(): Promise<Page> {
    if (this.page && !this.page.isClosed()) await this.page.close().catch(() => undefined);
    const p = await this.browser.newPage();
    await p.setViewport({ width: 1280, height: 900 });
    // Offline: the pages' own third-party requests are cut, so only the page's HTML and CSS count.
    await p.setRequestInterception(true);
    p.on('request', (r: HTTPRequest) => {
      const u = r.url();
      // A request can be gone by the time it is answered (the page moved on; Firefox then rejects).
      const done = u.startsWith('http://127.0.0.1') || u.startsWith('data:') || u.startsWith('about:') ? r.continue() : r.abort();
      done.catch(() => undefined);
    });
    this.page = p;
    return p;
  }

  async load(url: string): Promise<Page> {
    const p = this.page && !this.page.isClosed() ? this.page : await this.open();
    await p.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await p.evaluate(this.benchSrc);
    await call(p, 'setIndex', this.index);
    return p;
  }

  ratio(p: Page) {
    return call(p, 'ratio');
  }

  async mark(url: string, terms: string[]): Promise<{ ms: number; marks: number; timedOut: boolean }> {
    const p = await this.load(url);
    await p.evaluate(this.markSrc);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((r) => (timer = setTimeout(() => r(null), MARK_TIMEOUT_MS)));
    const r = await Promise.race([call(p, 'markjs', terms), timeout]);
    clearTimeout(timer);
    if (r) return { ms: r.ms, marks: r.marks, timedOut: false };
    // Still running: the only way to stop a synchronous script is to close its tab.
    await this.open();
    return { ms: MARK_TIMEOUT_MS, marks: 0, timedOut: true };
  }

  async measure(name: string, url: string, bytes: number, terms: string[]): Promise<PageResult> {
    let p = await this.load(url);
    const r = await this.ratio(p);
    const a = await call(p, 'scanAsync');
    await call(p, 'stop');
    let mark = { ms: NaN, marks: 0, timedOut: false };
    if (!NO_MARK)
      try {
        mark = await this.mark(url, terms);
      } catch (e) {
        // mark.js itself fails on some pages (e.g. a RegExp stack overflow): reported as "–".
        console.log(`${name}: mark.js failed: ${(e as Error).message.split('\n')[0]}`);
        await this.open();
      }
    return {
      name,
      kb: bytes / 1024,
      nodes: r.nodes,
      chars: r.chars,
      floorMs: r.floorMs,
      walkMs: r.walkMs,
      readsMs: r.readsMs,
      scanMs: r.scanMs,
      minRegexMs: r.minRegexMs,
      aliasOnlyMs: r.aliasOnlyMs,
      ratio: r.scanMs / r.floorMs,
      passRatio: r.scanMs / (r.floorMs + r.aliasOnlyMs),
      mentions: r.mentions,
      wallMs: a.wallMs,
      sliceMs: a.sliceMs,
      longTaskMs: a.longTaskMs,
      maxTaskMs: a.maxTaskMs,
      maxFrameGapMs: a.maxFrameGapMs,
      markMs: mark.ms,
      markMarks: mark.marks,
      markTimedOut: mark.timedOut,
      markRatio: mark.ms / r.scanMs,
    };
  }

  async repaint(url: string) {
    const p = await this.load(url);
    return call(p, 'repaint');
  }

  async frameCost(url: string, mode: 'highlight' | 'highlight-all' | 'wrap') {
    const p = await this.load(url);
    const runs: { ms: number; jsMs: number; count: number; registered: number; hoverMs: number }[] = [];
    for (let i = 0; i < 3; i++) {
      if (i) await this.load(url);
      runs.push(await call(this.page, 'frameCost', mode));
    }
    void p;
    return {
      ms: median(runs.map((r) => r.ms)),
      jsMs: median(runs.map((r) => r.jsMs)),
      count: runs[0].count,
      registered: median(runs.map((r) => r.registered)),
      hoverMs: median(runs.map((r) => r.hoverMs)),
    };
  }

  async flood(url: string) {
    const p = await this.load(url);
    const r = await call(p, 'flood', 1000, 5000, NAMES);
    await call(p, 'stop');
    return r;
  }

  async matcherReady(url: string, script: string) {
    const runs: number[] = [];
    const compile: number[] = [];
    let aliases = 0;
    for (let i = 0; i < 5; i++) {
      // A fresh page each time: V8 caches compiled RegExps per source within a page.
      const p = this.page && !this.page.isClosed() ? this.page : await this.open();
      await p.goto(url, { waitUntil: 'load' });
      await p.evaluate(this.benchSrc);
      const r = await call(p, 'matcherReady', script);
      runs.push(r.ms);
      compile.push(r.compileOnlyMs);
      aliases = r.aliases;
    }
    return { ms: median(runs), compileMs: median(compile), aliases };
  }
}

/** ✓ / ✗ for a target; · for a figure that is only reported. */
const mark = (c: { target: string; ok: boolean }) => (c.target === '(report)' ? '·' : c.ok ? '✓' : '✗');
const f1 = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '–');
const fx = (x: number) => (Number.isFinite(x) ? (x >= 100 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`) : '–');

/** What one browser's run measured (the report shows browsers side by side). */
interface BrowserRun {
  browser: BrowserName;
  version: string;
  results: PageResult[];
  checks: Check[];
  hlFrame: { ms: number; jsMs: number; count: number; registered: number; hoverMs: number };
  allFrame: { ms: number; jsMs: number; count: number; registered: number; hoverMs: number };
  wrapFrame: { ms: number; jsMs: number; count: number };
  repaint10: { ms: number } | null;
  repaint10k: { ms: number };
  flood: { appended: number; highlighted: number; catchUpMs: number; maxTaskMs: number; maxFrameGapMs: number };
  readySmall: { ms: number; aliases: number };
  readyBig: { ms: number; aliases: number };
  load: number;
  secs: string;
}

interface Check {
  what: string;
  value: string;
  target: string;
  ok: boolean;
}

/** Shared by the browsers' runs: pages, servers, sources. */
interface Setup {
  todo: { name: string; url: string; bytes: number }[];
  genServer: StaticServer;
  gen: string[];
  terms: string[];
  benchSrc: string;
  markSrc: string;
  real: { script: string };
  big: { script: string };
}

async function main() {
  const entries = loadEntries();
  const real = indexScript(entries);
  NAMES = pickNames(real.index);
  const terms = [...new Set(Object.keys(real.index.keys))];
  const big = indexScript(syntheticEntries(entries, 2000));
  const benchSrc = await bundle();
  const markSrc = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

  const gen = generatePages();
  let realPages: string[] = [];
  if (existsSync(REAL_DIR)) {
    realPages = readdirSync(REAL_DIR)
      .filter((f) => f.endsWith('.html'))
      .sort();
  } else {
    console.log(`note: ${REAL_DIR} is absent — the 130 real pages are skipped; generated pages only.`);
  }
  if (QUICK) realPages = realPages.filter((_, i) => i % 13 === 0);
  if (ONLY) realPages = realPages.filter((f) => f.includes(ONLY));
  const frames = () => runFrames({ realDir: REAL_DIR, realPages, args: [...args], write: WRITE && !QUICK && !ONLY });
  if (args.has('--frames-only')) return frames();
  const background = () => runBackground({ realDir: REAL_DIR, realPages, args: [...args], write: WRITE && !QUICK && !ONLY });
  if (args.has('--background-only')) return background();

  console.log(`ModelLens bench — ${cpus().length} cores; ${realPages.length} real + ${gen.length} generated pages; ${terms.length} alias terms; ${BROWSERS.join(', ')}`);
  // Page scripts would keep changing the page while it is measured: a CSP keeps them from running
  // (DevTools evaluation, which runs the bench, is exempt; eval stays allowed for the index script).
  const csp = { 'content-security-policy': "script-src 'unsafe-eval'" };
  const realServer: StaticServer | null = realPages.length ? await serve(REAL_DIR, csp) : null;
  const genServer = await serve(GEN_DIR, csp);
  const todo = [
    ...realPages.map((f) => ({ name: f, url: `${realServer!.url}/${f}`, bytes: statSync(join(REAL_DIR, f)).size })),
    ...gen.map((f) => ({ name: f, url: `${genServer.url}/${f}`, bytes: statSync(join(GEN_DIR, f)).size })),
  ];
  const runs: BrowserRun[] = [];
  try {
    for (const name of BROWSERS) runs.push(await benchBrowser(name, { todo, genServer, gen, terms, benchSrc, markSrc, real, big }));
  } finally {
    await realServer?.close();
    await genServer.close();
  }
  if (runs.length > 1) {
    console.log('\nSide by side');
    for (let i = 0; i < runs[0].checks.length; i++)
      console.log(`  ${runs[0].checks[i].what.padEnd(48)} ${runs.map((r) => `${mark(r.checks[i])} ${r.checks[i].value}`.padEnd(36)).join(' ')} target ${runs[0].checks[i].target}`);
  }
  if (WRITE && !QUICK && !ONLY && runs.length === 2) {
    writeFileSync(join(ROOT, 'docs/performance.md'), report(runs, { terms: terms.length, realMissing: !realPages.length }));
    console.log('wrote docs/performance.md');
  } else if (WRITE && !QUICK && !ONLY) console.log('docs/performance.md shows both browsers: not rewritten from a one-browser run');
  // What a real page pays (page scripts on, all frames; Chromium's CPU profiler): its own section of docs/performance.md.
  if (!args.has('--no-frames')) await frames();
  if (!args.has('--no-background') && realPages.length) await background();
}

/** Launch one browser without the extension; Firefox with full timer resolution (see Method). */
function launchFor(name: BrowserName): Promise<Browser> {
  return launch(name, { extension: false, firefoxPrefs: { 'privacy.reduceTimerPrecision': false } });
}

async function benchBrowser(name: BrowserName, setup: Setup): Promise<BrowserRun> {
  const { todo, genServer, gen, terms, benchSrc, markSrc, real, big } = setup;
  const t0 = Date.now();
  const load = loadavg()[0];
  const browser = await launchFor(name);
  const version = browserVersion(name, await browser.version());
  console.log(`\n${version} — load ${load.toFixed(2)}`);
  const run = new Runner(browser, benchSrc, markSrc, real.script);
  await run.open();
  const results: PageResult[] = [];
  try {
    const header = `${'page'.padEnd(44)} ${'KB'.padStart(6)} ${'floor'.padStart(7)} ${'walk/fl'.padStart(8)} ${'scan'.padStart(7)} ${'scan/fl'.padStart(8)} ${'sc/f+a'.padStart(7)} ${'ment'.padStart(5)} ${'mark.js'.padStart(8)} ${'mark/ML'.padStart(8)} ${'slice'.padStart(6)} ${'task'.padStart(6)} ${'rAFgap'.padStart(7)}`;
    console.log(header);
    for (const t of todo) {
      try {
        const r = await run.measure(t.name, t.url, t.bytes, terms);
        results.push(r);
        console.log(
          `${t.name.slice(0, 44).padEnd(44)} ${f1(r.kb).padStart(6)} ${f1(r.floorMs).padStart(7)} ${fx(r.walkMs / r.floorMs).padStart(8)} ${f1(r.scanMs).padStart(7)} ${fx(r.ratio).padStart(8)} ${fx(r.passRatio).padStart(7)} ${String(r.mentions).padStart(5)} ${((r.markTimedOut ? '>' : '') + f1(r.markMs)).padStart(8)} ${((r.markTimedOut ? '>' : '') + fx(r.markRatio)).padStart(8)} ${f1(r.sliceMs).padStart(6)} ${f1(r.maxTaskMs).padStart(6)} ${f1(r.maxFrameGapMs).padStart(7)}`,
        );
      } catch (e) {
        console.log(`${t.name}: failed: ${(e as Error).message.split('\n')[0]}`);
        await run.open();
      }
    }
    const tenK = `${genServer.url}/gen-10k-mentions.html`;
    const tenMbName = gen.find((g) => g.includes('10mb'));
    const hlFrame = await run.frameCost(tenK, 'highlight');
    const allFrame = await run.frameCost(tenK, 'highlight-all');
    const wrapFrame = await run.frameCost(tenK, 'wrap');
    console.log(`next frame, ${hlFrame.count} mentions: highlights ${f1(hlFrame.ms)} ms (JS ${f1(hlFrame.jsMs)}; ${hlFrame.registered} near the viewport registered), all registered ${f1(allFrame.ms)} ms, wrapping ${f1(wrapFrame.ms)} ms (JS ${f1(wrapFrame.jsMs)}) → ${fx(wrapFrame.ms / hlFrame.ms)} cheaper`);
    console.log(`hover frame, ${hlFrame.count} mentions: ${f1(hlFrame.hoverMs)} ms near-viewport registration, ${f1(allFrame.hoverMs)} ms all registered`);
    const repaint10 = tenMbName ? await run.repaint(`${genServer.url}/${tenMbName}`) : null;
    const repaint10k = await run.repaint(tenK);
    console.log(`page's own repaint (one paragraph's colour): 10 MB page ${repaint10 ? f1(repaint10.ms) : '–'} ms, 10,000-mention page ${f1(repaint10k.ms)} ms`);
    const flood = await run.flood(`${genServer.url}/gen-flood.html`);
    console.log(`flood: ${flood.appended} paragraphs appended in 5 s, ${flood.highlighted} highlighted, caught up ${f1(flood.catchUpMs)} ms after the last append, longest task ${f1(flood.maxTaskMs)} ms, largest rAF gap ${f1(flood.maxFrameGapMs)} ms`);
    const blank = `${genServer.url}/gen-flood.html`;
    const readySmall = await run.matcherReady(blank, real.script);
    const readyBig = await run.matcherReady(blank, big.script);
    console.log(`matcher ready: ${f1(readySmall.ms)} ms at ${readySmall.aliases} terms, ${f1(readyBig.ms)} ms at ${readyBig.aliases} terms`);

    const checks = summarize(results, { hlFrame, allFrame, wrapFrame, repaint10, flood, readySmall, readyBig });
    console.log(`\nSummary, ${version}`);
    for (const c of checks) console.log(`  ${mark(c)} ${c.what.padEnd(48)} ${c.value.padEnd(34)} target ${c.target}`);
    const secs = ((Date.now() - t0) / 1000).toFixed(0);
    const realCount = results.filter((r) => !r.name.startsWith('gen-')).length;
    console.log(`(${results.length} pages, median of ${realCount} real; ${secs} s; ${version}; load ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)})`);
    return { browser: name, version, results, checks, hlFrame, allFrame, wrapFrame, repaint10, repaint10k, flood, readySmall, readyBig, load, secs };
  } finally {
    await browser.close();
  }
}

/** "Chrome/156.0…" as it is; Firefox's BiDi answer names only the product, so its version is read from the binary. */
function browserVersion(name: BrowserName, v: string): string {
  if (name !== 'firefox' || /\d/.test(v)) return v;
  const out = spawnSync(BINARIES.firefox, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return out.replace(/^Mozilla /, '').replace(' ', '/') || v;
}

function summarize(
  results: PageResult[],
  d: Pick<BrowserRun, 'hlFrame' | 'allFrame' | 'wrapFrame' | 'repaint10' | 'flood' | 'readySmall' | 'readyBig'>,
): Check[] {
  const { hlFrame, allFrame, wrapFrame, repaint10, flood, readySmall, readyBig } = d;
  const medRatio = median(results.map((r) => r.ratio));
  const medPass = median(results.map((r) => r.passRatio));
  const medWalk = median(results.map((r) => r.walkMs / r.floorMs));
  const medReads = median(results.map((r) => r.readsMs / r.floorMs));
  const medMinRe = median(results.map((r) => r.minRegexMs / r.floorMs));
  const medAlias = median(results.map((r) => r.aliasOnlyMs / r.floorMs));
  const sized = results.filter((r) => r.floorMs >= 0.1);
  const medRatioBig = median(sized.map((r) => r.ratio));
  const medMark = median(results.map((r) => r.markRatio));
  const tenMb = results.find((r) => r.name === 'gen-10mb-article.html');
  const frameRatio = wrapFrame.ms / hlFrame.ms;
  const longTask = (ms: number) => (Number.isNaN(ms) ? 'not in this browser' : ms ? f1(ms) + ' ms' : 'none');
  return [
    { what: 'scan ÷ (floor + one alias-expression pass) (median)', value: fx(medPass), target: '≤ 2×', ok: medPass <= 2 },
    { what: 'scan ÷ floor (median)', value: fx(medRatio), target: '≤ 1.3×', ok: medRatio <= 1.3 },
    { what: 'walk alone ÷ floor (median)', value: fx(medWalk), target: '(report)', ok: true },
    { what: "floor + the walk's parent/sibling reads ÷ floor (median)", value: fx(medReads), target: '(report)', ok: true },
    { what: 'never-matching RegExp per text node ÷ floor (median)', value: fx(medMinRe), target: '(report)', ok: true },
    { what: 'alias RegExp alone ÷ floor (median)', value: fx(medAlias), target: '(report)', ok: true },
    { what: `scan ÷ floor, pages with floor ≥ 0.1 ms (${sized.length})`, value: fx(medRatioBig), target: '(report)', ok: true },
    { what: 'mark.js ÷ ModelLens (median)', value: NO_MARK ? 'skipped' : fx(medMark), target: '≥ 500×', ok: medMark >= 500 },
    { what: 'longest extension task (JS slice), 10 MB page', value: tenMb ? `${f1(tenMb.sliceMs)} ms` : '–', target: '≤ 50 ms', ok: !!tenMb && tenMb.sliceMs <= 50 },
    { what: 'longest task incl. rendering, 10 MB page', value: tenMb ? `${f1(tenMb.maxTaskMs)} ms (long-task API: ${longTask(tenMb.longTaskMs)})` : '–', target: '≤ 50 ms', ok: !!tenMb && tenMb.maxTaskMs <= 50 },
    { what: "the page's own repaint, 10 MB page", value: repaint10 ? `${f1(repaint10.ms)} ms` : '–', target: '(report)', ok: true },
    { what: 'largest rAF gap while scanning, 10 MB page', value: tenMb ? `${f1(tenMb.maxFrameGapMs)} ms` : '–', target: '(report)', ok: true },
    { what: `next frame: wrapping ÷ highlights (${hlFrame.count} mentions)`, value: `${fx(frameRatio)} (${f1(wrapFrame.ms)} vs ${f1(hlFrame.ms)} ms)`, target: '≥ 10×', ok: frameRatio >= 10 },
    { what: `hover frame, ${hlFrame.count} mentions`, value: `${f1(hlFrame.hoverMs)} ms (all registered: ${f1(allFrame.hoverMs)} ms)`, target: '(report)', ok: true },
    { what: `matcher ready, the real index (${readySmall.aliases} terms)`, value: `${f1(readySmall.ms)} ms`, target: '(report)', ok: true },
    { what: `matcher ready at ≥ 2,000 terms (${readyBig.aliases === readySmall.aliases ? 'the real index again, in another fresh page: it holds more' : `${readyBig.aliases}, synthetic entries added`})`, value: `${f1(readyBig.ms)} ms`, target: '≤ 5 ms', ok: readyBig.ms <= 5 },
    { what: 'flood: appended mentions highlighted', value: `${flood.highlighted} / ${flood.appended}`, target: 'all', ok: flood.highlighted >= flood.appended },
    { what: 'flood: longest task / largest rAF gap', value: `${f1(flood.maxTaskMs)} / ${f1(flood.maxFrameGapMs)} ms`, target: '(report)', ok: true },
  ];
}

/** "Chromium 156 / Firefox 153" style labels for the report's columns. */
const label = (r: BrowserRun) => (r.browser === 'chromium' ? 'Chromium' : 'Firefox');

function report(runs: BrowserRun[], meta: { terms: number; realMissing: boolean }): string {
  const [c] = runs;
  /** One figure per browser, "Chromium x · Firefox y". */
  const each = (f: (r: BrowserRun) => string) => runs.map((r) => `${label(r)} ${f(r)}`).join(' · ');
  const med = (r: BrowserRun, f: (p: PageResult) => number) => median(r.results.map(f));
  const summary = c.checks
    .map((ch, i) => `| ${ch.what} | ${runs.map((r) => `${mark(r.checks[i])} ${r.checks[i].value}`).join(' | ')} | ${ch.target} |`)
    .join('\n');
  const perPage = runs
    .map((r) => {
      const rows = r.results
        .map(
          (p) =>
            `| ${p.name} | ${f1(p.kb)} | ${p.nodes} | ${f1(p.floorMs)} | ${fx(p.walkMs / p.floorMs)} | ${fx(p.readsMs / p.floorMs)} | ${fx(p.minRegexMs / p.floorMs)} | ${fx(p.aliasOnlyMs / p.floorMs)} | ${f1(p.scanMs)} | ${fx(p.ratio)} | ${fx(p.passRatio)} | ${p.mentions} | ${p.markTimedOut ? '>' : ''}${f1(p.markMs)} | ${p.markTimedOut ? '>' : ''}${fx(p.markRatio)} | ${f1(p.sliceMs)} | ${f1(p.maxTaskMs)} | ${f1(p.maxFrameGapMs)} |`,
        )
        .join('\n');
      return `### ${r.version}

| page | KB | text nodes | floor | walk ÷ floor | reads ÷ floor | literal/node ÷ floor | alias alone ÷ floor | scan | scan ÷ floor | scan ÷ (floor + alias) | mentions | mark.js | mark.js ÷ scan | slice | task | rAF gap |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows}`;
    })
    .join('\n\n');
  return `# Performance

Figures from \`npm run bench\` (scripts/bench.ts), measured in headless ${runs.map((r) => r.version).join(' and ')}, one
after the other, on ${cpus().length} cores (load average at the start: ${each((r) => r.load.toFixed(2))}; other work on the
machine moves absolute times, the ratios are measured side by side on the same page in the same
browser). Regenerate with \`npm run bench\` (both browsers; \`--browser chromium|firefox\` runs one
and leaves this file alone); this file is rewritten by it.

## Summary

| | ${runs.map((r) => r.version).join(' | ')} | target |
|---|${runs.map(() => '---|').join('')}---|
${summary}

## Method

- **Both browsers, one harness.** Every figure is measured inside the page: scripts/bench-page.ts is
  bundled from the engine's sources and evaluated in each page, and times its own work with
  \`performance.now()\`; puppeteer only loads pages and calls it (CDP in Chromium, WebDriver BiDi in
  Firefox, which has no CDP). Firefox runs with \`privacy.reduceTimerPrecision\` off, so its timer
  is as fine as Chromium's (it is coarsened to 1 ms by default); Firefox has no long-task API.
- **Pages**: Mozilla Readability's ${meta.realMissing ? '(absent in this run) ' : ''}real pages from \`../shared/pages/readability\`,
  served from 127.0.0.1 with third-party requests cut and page scripts off (so the page does not
  change while it is measured), plus generated pages: a ~10 MB article with ~2,000 mentions, a page
  with 10,000 mentions, and a feed that appends 1,000 paragraphs in 5 s.
- **Floor**: one \`TreeWalker(SHOW_TEXT)\` over \`body\` reading every text node's \`data\` — the least
  any highlighter must do.
- **Scan**: the real engine (src/dom/scanner.ts, text-walker.ts, src/core/matcher.ts, context.ts, and
  the index compiled by src/knowledge/compile.ts, ${meta.terms} alias terms), bundled with esbuild from
  the sources and run in the page: the whole page synchronously, i.e. the work the shipped
  scan spreads over ≤ 5 ms slices. Floor and scan are interleaved, each repeated for ≥ 25 ms, 5
  rounds, median.
- **scan ÷ (floor + alias)**: the scan against reading the text plus one pass of the alias
  expression over it — what the walk (blocks, line breaks), the context rules and the ranges add
  to the two things no scan can skip.
- **Reads**: the floor's walk plus, for every text node, the two node properties the text walk
  needs beyond it (\`parentNode\`: which block the text is in; \`previousSibling\`: whether it
  continues the line) and nothing else.
- **mark.js** 8.11.1 with the same alias terms (\`separateWordSearch: false, diacritics: false,
  acrossElements: true\`), once per page, last (it rewrites the page); stopped after
  ${MARK_TIMEOUT_MS / 1000} s (">").${NO_MARK ? ' Skipped in this run (`--no-mark`): with this many terms mark.js fails on most pages (its expression overflows the RegExp stack) and runs into the stop on others, so a run with it takes hours.' : ''}
- **Task / rAF gap**: the shipped start (PageEngine: sliced scan with the real highlighter, then the
  observers) with a message-channel probe (the longest time the page's event loop was blocked) and
  a requestAnimationFrame loop (the largest gap between frames) running alongside; the long-task API
  is read too where the browser has it.
- **Next frame**: the ${c.hlFrame.count} mentions of the 10,000-mention page, from the same computed
  ranges: given to the shipped highlighter (past ${HIGHLIGHT_WINDOW_FROM} ranges it registers those near the
  viewport in \`CSS.highlights\`), all registered, or wrapped in \`<mark>\` elements; time from the
  change to the end of the next frame (rAF + a message after it), median of 3 fresh loads. *Hover
  frame*: then the frame after the active (hovered) mention changes.
- **The page's own repaint**: the frame after the page itself changes one paragraph's colour.
- **Never-matching RegExp per text node**: the floor's walk plus one literal RegExp that never
  matches, tested on every text node — the least a matcher that tests each text node costs.
- **Alias RegExp alone**: the shipped alias expression run over the text of every block the scan
  reads, collected beforehand (not timed) — no walking, no context rules, no ranges: what matching
  alone costs with this expression.
- **Matcher ready**: evaluating the shipped index script (packed data, decoded on first read), building the search
  and a first match (which compiles the finder and the groups it meets and decodes the alias and
  entity tables), in a fresh page; at the real index (${c.readySmall.aliases} terms incl.
  version forms) and with synthetic entries added up to ${c.readyBig.aliases} terms.

## Reading the figures

- **Where the scan's time goes.** The scan reads the text (the floor), runs the alias expression
  over it with the alias search (*alias alone*: ${each((r) => fx(med(r, (p) => p.aliasOnlyMs / p.floorMs)))} the floor at the median: a
  finder expression proposes the places where a name could start, and JavaScript checks the word
  there against the group's words before a small group expression decides, see
  src/core/alias-search.ts), and adds the walk and per-mention work. Against floor + one alias pass the whole scan costs
  ${each((r) => fx(med(r, (p) => p.passRatio)))} (median). Most of what it cost beyond that was not the
  walk but a second expression: every block with a \`.\`, \`@\` or \`--\` in it (nearly all prose)
  was searched for URLs, addresses and domains before matching, as costly as the alias pass
  itself; that search now runs only in blocks where the alias expression hits (src/core/matcher.ts),
  with the same results. What is left above floor + alias is not one part measured alone: in a
  run alternating the parts on 8 pages (on a heavily loaded machine, so rough), the walk alone
  cost 5.8× the floor, \`match()\` over the blocks' text read beforehand 4.7×, and both in one loop
  14×. The scan builds every block's string afresh and the expression then reads that new string,
  while *alias alone* runs over strings read before it starts; that share was not measured apart.
- **The walk.** The text walk alone costs ${each((r) => fx(med(r, (p) => p.walkMs / p.floorMs)))} the floor
  (median); the floor plus the two node reads it needs per text node, with none of its logic,
  costs ${each((r) => fx(med(r, (p) => p.readsMs / p.floorMs)))}: the walk's own work (which block each text
  node is in, line joins, each block's string and its node and offset arrays) is most of its cost,
  not the reads. Two rewrites were measured against it in the same page, alternating, and in
  CPU-profile sample shares: white-space detection by a character loop instead of a RegExp, and
  an ancestor stack instead of the per-element map. Neither was faster (the same or up to a
  quarter slower), so neither is shipped. The share of building each block's string and arrays
  was not measured apart.
- **scan ÷ floor.** The floor is very cheap once the page's nodes have been touched (tens of ns per
  text node), and tiny pages are dominated by fixed costs. These figures are the steady state of
  repeated scans, where every expression is already compiled. The alias search is built for the
  first scan instead, the one every page pays: compiling the whole trie expression cost each page
  about 100 ms in Chromium, and its first-character branches almost as much. Splitting it into
  small groups compiled on first use, with a word check in JavaScript before each, cut that. The
  price is a return to JavaScript at each proposed word, so the steady state costs more than one
  pass of the whole expression did (*alias alone* was 3.2× the floor with it, at the median in
  Chromium). What a page pays in all, first scan included, is the last section. A never-matching literal RegExp tested
  on each text node already costs ${each((r) => fx(med(r, (p) => p.minRegexMs / p.floorMs)))} the floor
  (median), the alias expression alone more than the text read: 1.3× is out of reach for this
  design however cheap the walk becomes. A JavaScript trigram pre-filter was measured too: it alone cost
  1–4.5× the floor and passed too many nodes (common words share first letters with aliases).
- **Long tasks on the 10 MB page.** ModelLens's own work runs in slices (*slice* ≤ ~5 ms plus one
  block). The first name on a page needs what a page without names never builds: the index's
  entity and alias tables, the groups it meets, the tail expression and the matcher's own
  patterns. The sliced scan stops at the first match while the matcher is cold, warms it up in
  three tasks of their own and goes on with that block (src/dom/scanner.ts, src/core/matcher.ts
  warmSteps). The longest task including rendering is the frame after highlights are registered.
  Any change to what is drawn costs this page a long frame: the page's own change of one
  paragraph's colour costs ${each((r) => (r.repaint10 ? f1(r.repaint10.ms) : '–') + ' ms')} (the 10,000-mention page:
  ${each((r) => f1(r.repaint10k.ms) + ' ms')}), and the browser repaint-checks the whole document on any
  change to a highlight in the same way. No highlighter that draws anything can go below that
  frame; ModelLens commits ranges in few batches (after the part in view, then at most every
  500 ms) so the page pays it a few times, not per slice.
- **Next frame and hover.** Every change to any highlight — the hovered mention included — makes
  the browser rebuild the markers of all registered ranges. With all ${c.allFrame.count} ranges
  registered the first frame costs ${each((r) => f1(r.allFrame.ms) + ' ms')} and every hover
  ${each((r) => f1(r.allFrame.hoverMs) + ' ms')}; past ${HIGHLIGHT_WINDOW_FROM} ranges ModelLens registers only those
  within two screens of the viewport (an IntersectionObserver follows scrolling,
  src/dom/highlighter.ts), so the first frame costs ${each((r) => f1(r.hlFrame.ms) + ' ms')} and a hover
  ${each((r) => f1(r.hlFrame.hoverMs) + ' ms')}. Wrapping costs DOM surgery plus relayout of the page.
- **StaticRange.** The highlight holds StaticRanges, not live Ranges: with 10,000 live Ranges in a
  document, 2,000 DOM changes took 1.8 s instead of 4 ms in Chromium (every insertion and removal
  updates every live Range); StaticRanges cost nothing there.

## Other figures

${runs
  .map(
    (r) => `- **${r.version}**: next frame: highlights ${f1(r.hlFrame.ms)} ms (of which JS ${f1(r.hlFrame.jsMs)} ms, ${r.hlFrame.registered} of ${r.hlFrame.count} ranges registered); all registered ${f1(r.allFrame.ms)} ms (JS ${f1(r.allFrame.jsMs)} ms); wrapping ${f1(r.wrapFrame.ms)} ms (JS ${f1(r.wrapFrame.jsMs)} ms).
  Flood: ${r.flood.highlighted} of ${r.flood.appended} appended mentions highlighted, all within ${f1(r.flood.catchUpMs)} ms of the last
  append; longest task ${f1(r.flood.maxTaskMs)} ms; largest rAF gap ${f1(r.flood.maxFrameGapMs)} ms. Matcher ready: ${f1(r.readySmall.ms)} ms at
  ${r.readySmall.aliases} terms; ${f1(r.readyBig.ms)} ms at ${r.readyBig.aliases} terms. Run time ${r.secs} s.`,
  )
  .join('\n')}

## Per page

Times in ms. *walk*: the text walker alone (blocks, no matching); *reads*: the floor plus the
walk's \`parentNode\` / \`previousSibling\` reads per text node; *literal/node*: the floor plus a
never-matching RegExp per text node; *alias alone*: the alias expression over the blocks' text,
read beforehand; *scan ÷ (floor + alias)*: the scan against the floor plus one alias pass;
*slice*: longest piece of ModelLens's own scanning work between yields; *task*: longest blocked
stretch of the event loop during the sliced scan; *rAF gap*: largest gap between animation frames
during it.

${perPage}
`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
