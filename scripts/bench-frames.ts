/**
 * What a real page pays: the extension's own JavaScript on a page whose scripts run, in every
 * frame, sampled with the V8 CPU profiler (CDP `Profiler`, 200 µs) in real Chromium with the built
 * extension loaded. A sample counts for ModelLens when its stack holds a `chrome-extension://`
 * script. Per page: the total and the longest uninterrupted run (consecutive samples in the
 * extension's code; a garbage-collection sample between two of them neither adds nor breaks a run).
 * Out-of-process frames (cross-site iframes) are their own targets: they are attached
 * (`Target.setAutoAttach`, flattened) and profiled too.
 *
 * Used by scripts/bench.ts (`npm run bench`, `--frames-only`); writes its own section of
 * docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { launch, ROOT, serve, sleep, type StaticServer } from './browser/harness';
import { ASK_FLOOR_LABEL, FLOOR_LABEL, writeAskFloorExtension, writeFloorExtension } from './browser/floor-extension';

export const SAMPLING_US = 200;
/** How long a page is watched after its load event (the extension starts at document_idle). */
const SETTLE_MS = 1500;
/** Frames per synthetic page in the per-frame table. */
const FRAMES = 8;
const REPEAT = 3;

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface ExtCost {
  /** Extension JS, ms: its samples × the sampling interval. */
  totalMs: number;
  /** Extension JS, ms, each sample weighted by the time to the next (an upper bound; see extensionTime). */
  weightedMs: number;
  /** Longest run of consecutive extension samples, ms. */
  longestMs: number;
  /** Frames the extension's content script started in. */
  frames: number;
  /** Of those, frames whose body has visible text. */
  textFrames: number;
  /** Targets profiled (the page and its out-of-process frames). */
  targets: number;
  /** Highlights registered over all frames. */
  highlights: number;
}

/**
 * Extension JS in one profile, in ms. `totalMs` and `longestMs` count samples at the nominal
 * interval (SAMPLING_US each), the method the figures to meet are stated in. `weightedMs` credits
 * each sample with the time until the next one instead: under load the sampler falls behind
 * (on this 2-core machine it took one sample per ~450 µs, not 200) and a stall after an
 * extension sample — the thread descheduled, a page task the sampler did not catch — is then
 * counted as the extension's, so it is an upper bound, reported beside the count.
 */
export function extensionTime(p: Profile): { totalMs: number; longestMs: number; weightedMs: number } {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const ext = new Map<number, boolean>();
  const isExt = (id: number): boolean => {
    const known = ext.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const up = parent.get(id);
    const v = n.callFrame.url.startsWith('chrome-extension://') || (up !== undefined && isExt(up));
    ext.set(id, v);
    return v;
  };
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  let count = 0;
  let weighted = 0;
  let run = 0;
  let longest = 0;
  for (let i = 0; i < samples.length; i++) {
    const name = byId.get(samples[i])?.callFrame.functionName;
    if (isExt(samples[i])) {
      count++;
      weighted += i + 1 < deltas.length ? deltas[i + 1] : SAMPLING_US;
      run++;
      longest = Math.max(longest, run);
    } else if (name !== '(garbage collector)') run = 0;
  }
  return { totalMs: (count * SAMPLING_US) / 1000, longestMs: (longest * SAMPLING_US) / 1000, weightedMs: weighted / 1000 };
}

/** Build the extension as shipped (production) into `dir`. */
export function buildExtension(dir: string): string {
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, MODELLENS_OUT_DIR: dir }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wxt build failed:\n${r.stdout}\n${r.stderr}`);
  return join(dir, 'chrome-mv3');
}

export function launchWithExtension(ext: string): Promise<Browser> {
  return launch('chromium', {
    dir: ext,
    args: [
      '--site-per-process',
      // Offline: every host but the bench's own servers fails to resolve (the pages' third-party
      // scripts and frames are cut; their inline scripts run).
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
}

/** Profile one target (and, recursively, the frames it starts out of process). */
async function profileTarget(s: CDPSession, all: CDPSession[], contexts: Set<string>): Promise<void> {
  all.push(s);
  s.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
    const child = s.connection()?.session(e.sessionId);
    if (!child) return;
    if (e.targetInfo.type !== 'iframe') {
      void child.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
      return;
    }
    void profileTarget(child, all, contexts).catch(() => undefined);
  });
  s.on('Runtime.executionContextCreated', (e: { context: { origin: string; auxData?: { frameId?: string; type?: string } } }) => {
    const c = e.context;
    if (c.origin.startsWith('chrome-extension://') && c.auxData?.type === 'isolated') contexts.add(c.auxData.frameId ?? '');
  });
  await s.send('Runtime.enable');
  await s.send('Profiler.enable');
  await s.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await s.send('Profiler.start');
  await s.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  await s.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
}

/** `p`, or a rejection after `ms`. */
function within<T>(ms: number, p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, no) => setTimeout(() => no(new Error(`no answer in ${ms} ms`)), ms))]);
}

/** Visible text and highlight count of every frame (main world; CSS.highlights is per document). */
async function frameFacts(p: Page): Promise<{ text: boolean; highlights: number }[]> {
  const out: { text: boolean; highlights: number }[] = [];
  for (const f of p.frames()) {
    try {
      out.push(
        await within(2000, f.evaluate(() => ({
          text: (document.body?.innerText ?? '').trim().length > 0,
          highlights: (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights?.get('modellens')?.size ?? 0,
        }))),
      );
    } catch {
      // A frame that went away or never loaded (a cut third-party frame).
    }
  }
  return out;
}

/** Load `url` in a fresh tab with every frame profiled; the extension's cost on it. */
export async function measurePage(browser: Browser, url: string): Promise<ExtCost> {
  const p = await browser.newPage();
  // A page's alert() or confirm() would block every later evaluation.
  p.on('dialog', (d) => void d.dismiss().catch(() => undefined));
  try {
    const root = await p.createCDPSession();
    const sessions: CDPSession[] = [];
    const contexts = new Set<string>();
    await profileTarget(root, sessions, contexts);
    // A page whose load event does not come within 15 s is measured as far as it got.
    await p.goto(url, { waitUntil: 'load', timeout: 15_000 }).catch(() => undefined);
    await sleep(SETTLE_MS);
    let totalMs = 0;
    let weightedMs = 0;
    let longestMs = 0;
    let targets = 0;
    for (const s of sessions) {
      const r = await within(10_000, s.send('Profiler.stop')).catch(() => null);
      if (!r) continue;
      targets++;
      const t = extensionTime(r.profile as Profile);
      totalMs += t.totalMs;
      weightedMs += t.weightedMs;
      longestMs = Math.max(longestMs, t.longestMs);
    }
    const facts = await frameFacts(p);
    return {
      totalMs,
      weightedMs,
      longestMs,
      frames: contexts.size,
      textFrames: facts.filter((f) => f.text).length,
      targets,
      highlights: facts.reduce((a, f) => a + f.highlights, 0),
    };
  } finally {
    await p.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Synthetic frame pages: the same article with FRAMES frames of one kind.

const PARA =
  'The committee met on Tuesday to review the proposal for the new library wing. Members asked about the cost of the roof, ' +
  'the schedule for the builders and whether the reading room would stay open while the work went on. The architect said the ' +
  'old stacks would move to the basement for the winter and come back in spring.';

function article(title: string, extra = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${`<p>${PARA}</p>`.repeat(7)}</article>${extra}</body></html>\n`;
}

export interface FrameVariant {
  key: string;
  label: string;
  text: boolean;
  cross: boolean;
  /** Each frame holds one model name (checks frames are still scanned). */
  name?: boolean;
}
export const FRAME_VARIANTS: FrameVariant[] = [
  { key: 'empty-same', label: 'no readable text, same origin', text: false, cross: false },
  { key: 'empty-cross', label: 'no readable text, cross-site (out of process)', text: false, cross: true },
  { key: 'text-same', label: 'readable text, same origin', text: true, cross: false },
  { key: 'text-cross', label: 'readable text, cross-site (out of process)', text: true, cross: true },
  { key: 'name-cross', label: 'readable text with one model name, cross-site', text: true, cross: true, name: true },
];

function writeFramePages(dir: string, crossOrigin: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'base.html'), article('Library wing'));
  writeFileSync(join(dir, 'empty.html'), '<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0}</style></head><body><div id="ad"></div></body></html>\n');
  writeFileSync(join(dir, 'text.html'), `<!doctype html><html><head><meta charset="utf-8"></head><body><p>${PARA}</p><p>${PARA}</p></body></html>\n`);
  writeFileSync(join(dir, 'name.html'), `<!doctype html><html><head><meta charset="utf-8"></head><body><p>${PARA}</p><p>The team compared it with GPT-5.4 last week.</p></body></html>\n`);
  for (const v of FRAME_VARIANTS) {
    const src = `${v.cross ? crossOrigin : ''}/${v.name ? 'name' : v.text ? 'text' : 'empty'}.html`;
    const frames = Array.from({ length: FRAMES }, () => `<iframe src="${src}" width="300" height="120"></iframe>`).join('');
    writeFileSync(join(dir, `frames-${v.key}.html`), article('Library wing', frames));
  }
}

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN;
};

export interface PageCost extends ExtCost {
  name: string;
}
export interface FrameRow {
  variant: FrameVariant;
  /** Extension JS per frame, ms (page with frames minus the same page without, ÷ frames). */
  perFrameMs: number;
  longestMs: number;
  frames: number;
  highlights: number;
}
export interface FramesReport {
  label: string;
  pages: PageCost[];
  baseMs: number;
  rows: FrameRow[];
}

/**
 * The whole measurement, for one or more extension builds: each page is loaded in every build's
 * browser in turn (interleaved, so a change in the machine's load hits all builds alike).
 */
export async function benchFrames(opts: { builds: { ext: string; label: string }[]; pages: { name: string; url: string }[]; log?: (s: string) => void }): Promise<FramesReport[]> {
  const log = opts.log ?? console.log;
  const dir = join(tmpdir(), 'modellens-bench-frames');
  const servers: StaticServer[] = [];
  const browsers: Browser[] = [];
  try {
    // Cross-site frames: the same files from "localhost" (another site than 127.0.0.1).
    const cross = await serve(dir);
    servers.push(cross);
    writeFramePages(dir, cross.url.replace('127.0.0.1', 'localhost'));
    const local = await serve(dir);
    servers.push(local);
    for (const b of opts.builds) browsers.push(await launchWithExtension(b.ext));
    // Warm-up: the service worker starts; the first tab's costs are not a page's.
    for (const b of browsers) await measurePage(b, `${local.url}/base.html`);
    const reports: FramesReport[] = opts.builds.map((b) => ({ label: b.label, pages: [], baseMs: NaN, rows: [] }));
    const each = async (url: string) => {
      const out: ExtCost[] = [];
      for (const b of browsers) out.push(await measurePage(b, url));
      return out;
    };
    log(`${'page'.padEnd(40)} ${opts.builds.map((b) => `${b.label.slice(0, 10)}: ext ms / longest`.padStart(30)).join(' ')} ${'frames'.padStart(7)} ${'w/ text'.padStart(8)}`);
    for (const pg of opts.pages) {
      const cs = await each(pg.url);
      cs.forEach((c, i) => reports[i].pages.push({ name: pg.name, ...c }));
      const last = cs[cs.length - 1];
      log(`${pg.name.slice(0, 40).padEnd(40)} ${cs.map((c) => `${c.totalMs.toFixed(1)} / ${c.longestMs.toFixed(1)}`.padStart(30)).join(' ')} ${String(last.frames).padStart(7)} ${String(last.textFrames).padStart(8)}`);
    }
    const base: ExtCost[][] = [];
    for (let i = 0; i < REPEAT; i++) base.push(await each(`${local.url}/base.html`));
    reports.forEach((r, j) => (r.baseMs = median(base.map((x) => x[j].totalMs))));
    for (const v of FRAME_VARIANTS) {
      const runs: ExtCost[][] = [];
      for (let i = 0; i < REPEAT; i++) runs.push(await each(`${local.url}/frames-${v.key}.html`));
      reports.forEach((r, j) => {
        const mine = runs.map((x) => x[j]);
        const row = {
          variant: v,
          perFrameMs: (median(mine.map((x) => x.totalMs)) - r.baseMs) / FRAMES,
          longestMs: median(mine.map((x) => x.longestMs)),
          frames: Math.max(...mine.map((x) => x.frames)) - 1,
          highlights: Math.min(...mine.map((x) => x.highlights)),
        };
        r.rows.push(row);
        log(`${r.label}: ${FRAMES} frames, ${v.label}: ${row.perFrameMs.toFixed(2)} ms per frame, longest run ${row.longestMs.toFixed(1)} ms, started in ${row.frames} frames, ${row.highlights} highlights`);
      });
    }
    return reports;
  } finally {
    for (const b of browsers) await b.close();
    for (const s of servers) await s.close();
  }
}

export function summary(r: FramesReport) {
  const tot = r.pages.map((p) => p.totalMs);
  const run = r.pages.map((p) => p.longestMs);
  return {
    median: median(tot),
    weightedMedian: median(r.pages.map((p) => p.weightedMs)),
    p90: quantile(tot, 0.9),
    max: Math.max(...tot),
    maxPage: r.pages.find((p) => p.totalMs === Math.max(...tot))?.name ?? '',
    runMedian: median(run),
    runMax: Math.max(...run),
    over10: run.filter((x) => x > 10).length,
    frames: r.pages.reduce((a, p) => a + p.frames, 0),
  };
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(x >= 100 ? 0 : 1) : '–');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

export function printSummary(reports: FramesReport[], log = console.log): void {
  for (const r of reports) {
    const s = summary(r);
    log(`${r.label}: extension JS per page median ${f(s.median)} ms, p90 ${f(s.p90)} ms, max ${f(s.max)} ms (${s.maxPage}); longest run median ${f(s.runMedian)} ms, max ${f(s.runMax)} ms, ${s.over10} page(s) with a run over 10 ms; ${s.frames} frames started`);
  }
}

/** The docs/performance.md section. */
export function framesMarkdown(reports: FramesReport[], version: string, load: number, total = reports[0].pages.length): string {
  const head = reports.map((r) => r.label);
  const sums = reports.map(summary);
  const row = (what: string, cells: string[], target: string) => `| ${what} | ${cells.join(' | ')} | ${target} |`;
  const perFrame = FRAME_VARIANTS.map((v) =>
    row(
      `${FRAMES} frames: ${v.label}`,
      reports.map((r) => {
        const x = r.rows.find((y) => y.variant.key === v.key)!;
        return `${f2(x.perFrameMs)} ms per frame (longest run ${f(x.longestMs)} ms; started in ${x.frames}, ${x.highlights} highlights)`;
      }),
      v.text ? (v.name ? `${FRAMES} highlights` : 'scanned') : '≤ 1 ms',
    ),
  );
  const last = reports[reports.length - 1];
  const pageRows = last.pages
    .map((p, i) => `| ${p.name} | ${reports.map((r) => `${f(r.pages[i]?.totalMs)} / ${f(r.pages[i]?.longestMs)}`).join(' | ')} | ${p.frames} | ${p.textFrames} |`)
    .join('\n');
  return `<!-- frames:start (written by scripts/bench-frames.ts) -->
## What a real page pays (page scripts on, all frames)

Measured by \`npm run bench\` (\`-- --frames-only\` for this part alone) in headless ${version} with the
production build loaded, ${cpus().length} cores (load average ${load.toFixed(2)} at the start; the machine was shared with
other work, so absolute times move; the columns side by side come from one run, each page loaded in
every build's browser in turn). ${last.pages.length === total ? `The ${total} real pages` : `One page in ${Math.round(total / last.pages.length)} of the ${total} real pages (${last.pages.length}; \`--frames-every\`)`}
are served from 127.0.0.1 **with their own scripts running**; every other host fails to resolve
(third-party scripts and frames are cut, inline scripts run). Each page loads in a fresh tab with
the V8 CPU profiler sampling every ${SAMPLING_US} µs in the page and in every out-of-process frame
(\`Target.setAutoAttach\`, flattened), from before navigation until ${SETTLE_MS / 1000} s after the load event. A
sample is ModelLens's when its stack holds a \`chrome-extension://\` script, and stands for one
sampling interval (${SAMPLING_US} µs): ModelLens's samples × ${SAMPLING_US} µs. Under load the sampler falls behind
(here it took a sample about every 450 µs), so this undercounts somewhat; the *weighted* row credits
each sample with the time until the next instead, which also credits ModelLens with stalls that follow
its samples — the truth lies between the two. *Longest run*: consecutive ModelLens samples × ${SAMPLING_US} µs
(a garbage-collection sample between two neither adds nor breaks a run).${reports.some((r) => r.label === FLOOR_LABEL) ? `

The *${FLOOR_LABEL}* column is another extension measured the same way: its only content script, in every frame at
\`document_idle\`, reads every text node of the body once with a TreeWalker and touches no extension API
(scripts/browser/floor-extension.ts). Nothing that reads a page's text can cost less.` : ''}${reports.some((r) => r.label === ASK_FLOOR_LABEL) ? `
The *${ASK_FLOOR_LABEL}* column is a third extension: the least a frame can do that asks its background about
its text, as ModelLens's probe stage does — read the text of the body and of its open shadow roots
(one walk over all elements finds them), mark where the parent changes, send the first 64 kB in one
message to a background that answers no (same file). What ModelLens pays beyond that column is its own.` : ''}

| per page | ${head.join(' | ')} | target |
|---|${head.map(() => '---').join('|')}|---|
${row('extension JS, median', sums.map((s) => `${f(s.median)} ms`), '≤ 5 ms')}
${row('extension JS, median, each sample weighted by the time to the next (upper bound)', sums.map((s) => `${f(s.weightedMedian)} ms`), '(report)')}
${row('extension JS, p90', sums.map((s) => `${f(s.p90)} ms`), '(report)')}
${row('extension JS, max', sums.map((s) => `${f(s.max)} ms (${s.maxPage})`), '(report)')}
${row('longest run, median', sums.map((s) => `${f(s.runMedian)} ms`), '(report)')}
${row('longest run, max', sums.map((s) => `${f(s.runMax)} ms`), '≤ 10 ms')}
${row('pages with a run over 10 ms', sums.map((s) => String(s.over10)), '0')}
${row('frames the content script started in (all pages)', sums.map((s) => String(s.frames)), '(report)')}

**Per frame.** A short article page alone, then the same page with ${FRAMES} frames of one kind;
cost per frame = (extension JS with the frames − without) ÷ ${FRAMES}, median of ${REPEAT} loads each. Cross-site
frames come from \`localhost\` (another site than \`127.0.0.1\`: out of process). The page alone:
${reports.map((r) => `${r.label} ${f(r.baseMs)} ms`).join(', ')}.

| frames | ${head.join(' | ')} | target |
|---|${head.map(() => '---').join('|')}|---|
${perFrame.join('\n')}

<details><summary>Per page: extension JS total / longest run (ms), frames the content script started in, frames with visible text</summary>

| page | ${head.join(' | ')} | frames | with text |
|---|${head.map(() => '---:').join('|')}|---:|---:|
${pageRows}

</details>
<!-- frames:end -->
`;
}

/** Replace (or append) the frames section of docs/performance.md. */
export function writeFramesSection(md: string, file = join(ROOT, 'docs/performance.md')): void {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  const re = /<!-- frames:start[\s\S]*?<!-- frames:end -->\n?/;
  writeFileSync(file, re.test(old) ? old.replace(re, md) : old.trimEnd() + '\n\n' + md);
}

/**
 * `npm run bench` entry: build the extension as shipped (or take `--frames-ext=<chrome-mv3 dir>`),
 * measure, print, and rewrite the section of docs/performance.md. `--frames-compare=<dir>` measures
 * another build first in the same run (e.g. the previous commit's), shown side by side.
 */
export async function runFrames(o: { realDir: string; realPages: string[]; args: string[]; write: boolean; log?: (s: string) => void }): Promise<void> {
  const log = o.log ?? console.log;
  const opt = (k: string) => o.args.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3);
  const ext = opt('frames-ext') ?? buildExtension(join(tmpdir(), `modellens-bench-ext-${process.pid}`));
  const compare = opt('frames-compare');
  const load = loadavg()[0];
  const server = o.realPages.length ? await serve(o.realDir) : null;
  try {
    // `--frames-every=N`: every Nth page only (a loaded machine makes the full run long).
    const every = Math.max(1, Number(opt('frames-every') ?? 1));
    const pages = o.realPages.filter((_, i) => i % every === 0).map((name) => ({ name, url: `${server!.url}/${name}` }));
    // The floor beside it (`--no-floor` leaves it out): what any extension that reads the text pays.
    const floor = o.args.includes('--no-floor')
      ? []
      : [
          { ext: writeFloorExtension(join(tmpdir(), 'modellens-bench-floor')), label: FLOOR_LABEL },
          { ext: writeAskFloorExtension(join(tmpdir(), 'modellens-bench-ask-floor')), label: ASK_FLOOR_LABEL },
        ];
    const builds = [...floor, ...(compare ? [{ ext: compare, label: 'before' }] : []), { ext, label: compare ? 'after' : 'this build' }];
    log(`\nWhat a real page pays: ${pages.length} real pages, page scripts on, all frames; ${builds.map((b) => `${b.label} = ${b.ext}`).join(', ')}`);
    const reports = await benchFrames({ builds, pages, log });
    printSummary(reports, log);
    const version = await (async () => {
      const b = await launchWithExtension(ext);
      try {
        return await b.version();
      } finally {
        await b.close();
      }
    })();
    if (o.write) {
      writeFramesSection(framesMarkdown(reports, version, load, o.realPages.length));
      log('wrote the frames section of docs/performance.md');
    }
  } finally {
    await server?.close();
  }
}
