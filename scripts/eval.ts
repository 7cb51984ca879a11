/**
 * npm run eval -- <corpus-dir> [--out predictions.json] [--browser chromium|firefox] [--node] [--list]
 *                              [--rebuild | --no-build] [--quiet]
 *
 * Measures what the extension really highlights. Serves the corpus pages on 127.0.0.1, loads the
 * built extension in headless Chromium (default) or Firefox, lets the scan settle, asks the
 * content script for its mentions ({type:'listMentions'}, with entity ids) and turns them into
 * text-quote predictions (../shared/corpus/FORMAT.md) from the Ranges the extension registered in
 * CSS.highlights. With <corpus-dir>/labels.json it prints the score of
 * <corpus-dir>/../../tools/score-mentions.mjs.
 *
 * Layouts: <corpus-dir>/pages/*.html (a labelled corpus) or <corpus-dir>/*.html (a folder of pages,
 * e.g. ../shared/pages/readability). Without labels, or with --list, every highlight is listed per
 * page so false positives can be reviewed.
 *
 * Build: the extension is built into $MODELLENS_OUT_DIR (default .output-eval) when that build is
 * missing or older than the sources; --rebuild forces a build, --no-build uses the build as it is.
 *
 * --node: a fast path for iterating on the pure matcher: happy-dom parses each page and the same
 * Scanner (text walker → matcher → context) runs in node. No layout, so no visibility checks and
 * no viewport order; the figures to report come from a real browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';

const ROOT = resolve(import.meta.dirname, '..');
process.env.MODELLENS_OUT_DIR ??= '.output-eval';
const OUT_DIR = resolve(ROOT, process.env.MODELLENS_OUT_DIR);

type BrowserName = 'chromium' | 'firefox';

interface Args {
  corpora: string[];
  scorer?: string;
  save?: string;
  diff?: string;
  out?: string;
  browser: BrowserName;
  node: boolean;
  list: boolean;
  build: 'auto' | 'force' | 'never';
  quiet: boolean;
}

function usage(msg?: string): never {
  if (msg) console.error(`eval: ${msg}`);
  console.error(
    'usage: npm run eval -- <corpus-dir>… [--out predictions.json] [--browser chromium|firefox] [--node] [--list] [--rebuild|--no-build] [--quiet] [--scorer PATH] [--save NAME] [--diff NAME]',
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const a: Partial<Args> = { corpora: [], browser: 'chromium', node: false, list: false, build: 'auto', quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--out') a.out = argv[++i] ?? usage('--out needs a file');
    else if (x === '--browser') {
      const b = argv[++i];
      if (b !== 'chromium' && b !== 'firefox') usage('--browser is chromium or firefox');
      a.browser = b;
    } else if (x === '--node') a.node = true;
    else if (x === '--scorer') a.scorer = argv[++i] ?? usage('--scorer needs a file');
    else if (x === '--save') a.save = argv[++i] ?? usage('--save needs a name');
    else if (x === '--diff') a.diff = argv[++i] ?? usage('--diff needs a name');
    else if (x === '--list') a.list = true;
    else if (x === '--rebuild') a.build = 'force';
    else if (x === '--no-build') a.build = 'never';
    else if (x === '--quiet') a.quiet = true;
    else if (x === '-h' || x === '--help') usage();
    else if (x.startsWith('--')) usage(`unknown option ${x}`);
    else a.corpora!.push(x);
  }
  if (!a.corpora!.length) usage('no corpus directory');
  return a as Args;
}

/** One prediction, as in FORMAT.md. */
interface Prediction {
  exact: string;
  prefix: string;
  suffix: string;
  id?: string;
  unknownVersion?: string;
}
interface MentionInfoLite {
  entityId: string;
  exact: string;
  unknownVersion?: string;
}

// ---------------------------------------------------------------------------------------------
// Text quotes. Plain JavaScript in a string so it runs unchanged in the page (puppeteer) and in
// happy-dom: a transpiler must not inject helpers into it.
//
// quote(doc, groups, infos): for each mention (its Ranges, document order) the text-quote selector
// over the page's text: text nodes in document order, minus script/style/noscript/template.
// ---------------------------------------------------------------------------------------------
const QUOTE_FN = String.raw`function quote(doc, groups, infos) {
  var SKIP = { SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEMPLATE: 1 };
  var root = doc.body || doc.documentElement;
  var w = doc.createTreeWalker(root, 0x1 | 0x4, { acceptNode: function (n) {
    return n.nodeType === 1 && SKIP[n.tagName.toUpperCase()] ? 2 : 1; } });
  var nodes = [], starts = [], index = new Map(), text = '';
  for (var n = w.nextNode(); n; n = w.nextNode()) {
    if (n.nodeType !== 3) continue;
    index.set(n, nodes.length); nodes.push(n); starts.push(text.length); text += n.data;
  }
  function at(node, off) { var i = index.get(node); return i === undefined ? -1 : starts[i] + off; }
  var Q = 32, out = [];
  for (var k = 0; k < groups.length; k++) {
    var g = groups[k], first = g[0], last = g[g.length - 1];
    var s = at(first.startContainer, first.startOffset), e = at(last.endContainer, last.endOffset);
    var exact = (infos[k] && infos[k].exact) || g.map(function (r) { return r.toString(); }).join('');
    out.push({
      exact: exact.replace(/\s+/g, ' '),
      prefix: s < 0 ? '' : text.slice(Math.max(0, s - Q), s).replace(/\s+/g, ' '),
      suffix: e < 0 ? '' : text.slice(e, e + Q).replace(/\s+/g, ' '),
    });
  }
  return out;
}`;

/**
 * In the page: the ranges of the 'modellens' highlight in document order, grouped per mention.
 * A mention split across inline elements has one Range per text node; its pieces, without
 * whitespace, spell the mention's text without whitespace.
 */
const GROUP_FN = String.raw`function group(infos) {
  var h = CSS.highlights && CSS.highlights.get('modellens');
  // The highlight may hold StaticRanges: make live Ranges to compare and read them.
  var ranges = (h ? Array.from(h) : []).map(function (s) {
    var r = document.createRange(); r.setStart(s.startContainer, s.startOffset); r.setEnd(s.endContainer, s.endOffset); return r; });
  ranges.sort(function (a, b) { return a.compareBoundaryPoints(Range.START_TO_START, b); });
  var sq = function (s) { return s.replace(/\s+/g, ''); };
  var groups = [], j = 0, problems = [];
  for (var k = 0; k < infos.length; k++) {
    var want = sq(infos[k].exact), got = '', g = [];
    while (j < ranges.length && got.length < want.length) { g.push(ranges[j]); got += sq(ranges[j].toString()); j++; }
    if (got !== want) problems.push(infos[k].exact + ' != ' + got);
    groups.push(g.length ? g : [ranges[Math.max(0, j - 1)]]);
  }
  if (j !== ranges.length) problems.push((ranges.length - j) + ' highlight ranges without a mention');
  return { groups: groups, problems: problems, ranges: ranges.length };
}`;

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------
const SOURCES = ['src', 'entrypoints', 'public', 'scripts/vite-knowledge-plugin.ts', 'wxt.config.ts', 'package.json'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const n of readdirSync(p)) m = Math.max(m, newestMtime(join(p, n)));
  return m;
}

function ensureBuild(browser: BrowserName, mode: Args['build']): void {
  const dir = join(OUT_DIR, browser === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
  const manifest = join(dir, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const src = Math.max(
    ...SOURCES.map((s) => newestMtime(join(ROOT, s))),
    process.env.MODELLENS_KNOWLEDGE_DIR ? newestMtime(resolve(process.env.MODELLENS_KNOWLEDGE_DIR)) : 0,
  );
  if (mode === 'never') {
    if (!built) usage(`${dir} is not built (drop --no-build)`);
    if (src > built) console.error(`eval: note: ${dir} is older than the sources (--no-build)`);
    return;
  }
  if (mode === 'auto' && built && built >= src) return;
  const args = ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox', '--mv3'] : [])];
  console.error(`eval: building ${browser} into ${dir} …`);
  const r = spawnSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
  if (r.status !== 0) {
    console.error('eval: build failed');
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------
// Real browsers
// ---------------------------------------------------------------------------------------------
const SETTLE_POLL_MS = 200;
/** The scan is done when the mention count stays the same this long (after the page loaded). */
const SETTLE_QUIET_MS = 1000;
const PAGE_TIMEOUT_MS = 30_000;
/** Before it is asked, a page without a highlight has settled when none came for this long. */
const NONE_QUIET_MS = 3000;
/** In the page: how many ranges the 'modellens' highlight has. */
const HIGHLIGHT_COUNT = `(globalThis.CSS && CSS.highlights && CSS.highlights.get('modellens')) ? CSS.highlights.get('modellens').size : 0`;
/** Longest wait for one call into a browser (a page stuck in a script must not stop the run). */
const CALL_TIMEOUT_MS = 15_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms))),
  ]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Send listMentions to the top frame of every tab but the caller's; exactly one content page answers. */
const LIST_IN_EXTENSION = String.raw`(async () => {
  var api = typeof browser !== 'undefined' ? browser : chrome;
  var self = api.tabs.getCurrent ? await api.tabs.getCurrent() : undefined;
  var tabs = await api.tabs.query({});
  var answers = [];
  for (var t of tabs) {
    if (self && t.id === self.id) continue;
    try {
      var r = await api.tabs.sendMessage(t.id, { type: 'listMentions' }, { frameId: 0 });
      if (Array.isArray(r)) answers.push(r);
    } catch (e) {}
  }
  return answers;
})()`;

async function runBrowser(name: BrowserName, pagesDir: string, files: string[], quiet: boolean) {
  const h = await import('./browser/harness');
  const server = await h.serve(pagesDir);
  let firefoxExtUrl = '';
  const prefs: Record<string, unknown> = {};
  if (name === 'firefox') {
    // A fixed moz-extension UUID, so the eval can open one of the extension's own pages.
    const manifest = JSON.parse(readFileSync(join(h.BUILDS.firefox, 'manifest.json'), 'utf8'));
    const id = manifest.browser_specific_settings?.gecko?.id;
    if (!id) throw new Error('firefox manifest has no gecko id');
    const uuid = crypto.randomUUID();
    prefs['extensions.webextensions.uuids'] = JSON.stringify({ [id]: uuid });
    firefoxExtUrl = `moz-extension://${uuid}/_generated_background_page.html`;
  }
  const browser = await h.launch(name, { firefoxPrefs: prefs });
  const results: Record<string, { preds: Prediction[]; ranges: number; problems: string[] }> = {};
  try {
    // The caller that can message content scripts: the service worker (Chromium) or an extension
    // page in a tab (Firefox; its event page is not exposed as a target).
    let list: () => Promise<MentionInfoLite[][]>;
    let extTab: Page | null = null;
    if (name === 'chromium') {
      const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
        timeout: 20_000,
      });
      const worker = (await target.worker())!;
      list = () => worker.evaluate(LIST_IN_EXTENSION) as Promise<MentionInfoLite[][]>;
    } else {
      const ext = (extTab = await browser.newPage());
      // Navigations to extension pages do not report completion over BiDi: wait for the API instead.
      void ext.goto(firefoxExtUrl).catch(() => undefined);
      await ext.waitForFunction('typeof browser !== "undefined" && !!browser.tabs', { timeout: 20_000, polling: 100 });
      list = () => ext.evaluate(LIST_IN_EXTENSION) as Promise<MentionInfoLite[][]>;
    }
    // The tab the pages open in reaches nothing but the corpus server: no stalls on the network,
    // no script navigating away from the page, no dialog blocking it.
    let current = '';
    const openTab = async () => {
      const page = await browser.newPage();
      page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
      await page.setRequestInterception(true);
      page.on('request', (r) => {
        const u = r.url();
        // The extension's own scripts (the engine and the index, loaded by the first stage) pass.
        const local = u.startsWith(server.url + '/') || /^(data|blob|chrome-extension|moz-extension):/.test(u);
        const away = r.isNavigationRequest() && r.frame() === page.mainFrame() && u !== current;
        void (local && !away ? r.continue() : r.abort()).catch(() => undefined);
      });
      return page;
    };
    // One tab, reused: a closed tab can linger in tabs.query and answer for a moment. A tab that
    // stops responding is replaced.
    let page = await openTab();
    for (const p of await browser.pages()) if (p !== page && p !== extTab) await p.close().catch(() => undefined);
    for (const file of files) {
      const t0 = Date.now();
      const url = `${server.url}/${encodeURIComponent(file)}`;
      current = url;
      const problems: string[] = [];
      try {
        try {
          await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
        } catch (e) {
          problems.push(`${(e as Error).message.split('\n')[0]} (measuring anyway)`);
        }
        // A reader opens collapsed sections (<details>): the labels count the mentions in them, and
        // the extension highlights hidden text when it is shown.
        await withTimeout(page.evaluate(`document.querySelectorAll('details:not([open])').forEach((d) => (d.open = true))`), CALL_TIMEOUT_MS, 'opening details').catch(() => undefined);
        // Nothing asks the page anything until its own highlights settle: a question (listMentions,
        // as the popup's) starts the engine of a frame whose probe said no (src/dom/probe-stage.ts)
        // and would hide a name the probe missed. Those show up as highlights that came only after.
        let unasked = -1;
        // (Without a highlight yet, longer: the first page of a run waits for the background to start.)
        for (let quietSince = Date.now(); Date.now() - t0 < PAGE_TIMEOUT_MS && Date.now() - quietSince < (unasked > 0 ? SETTLE_QUIET_MS : NONE_QUIET_MS); await sleep(SETTLE_POLL_MS)) {
          const n = (await withTimeout(page.evaluate(HIGHLIGHT_COUNT), CALL_TIMEOUT_MS, 'counting highlights').catch(() => -1)) as number;
          if (n !== unasked) [unasked, quietSince] = [n, Date.now()];
        }
        // Settle: the content script answers (it runs at document_idle) and its count stays put.
        let last = -1;
        let stableSince = Date.now();
        let infos: MentionInfoLite[] = [];
        let answered = false;
        while (Date.now() - t0 < PAGE_TIMEOUT_MS) {
          const answers = await withTimeout(list(), CALL_TIMEOUT_MS, 'listMentions').catch(() => [] as MentionInfoLite[][]);
          if (answers.length > 1) throw new Error(`${answers.length} tabs answered listMentions`);
          if (answers.length === 1) {
            answered = true;
            infos = answers[0];
            if (infos.length !== last) {
              last = infos.length;
              stableSince = Date.now();
            } else if (Date.now() - stableSince >= SETTLE_QUIET_MS) break;
          }
          await sleep(SETTLE_POLL_MS);
        }
        if (!answered) problems.push('the content script never answered');
        const quoted = (await withTimeout(
          page.evaluate(`(() => { var g = (${GROUP_FN})(${JSON.stringify(infos)});
            return { g: { problems: g.problems, ranges: g.ranges }, q: (${QUOTE_FN})(document, g.groups, ${JSON.stringify(infos)}) }; })()`),
          CALL_TIMEOUT_MS,
          'reading the highlights',
        )) as { g: { problems: string[]; ranges: number }; q: Prediction[] };
        if (quoted.g.ranges > unasked) problems.push(`${quoted.g.ranges - Math.max(0, unasked)} highlight range(s) only once the page was asked: its probe missed them`);
        results[file] = {
          preds: quoted.q.map((q, i) => ({ ...q, id: infos[i].entityId, ...(infos[i].unknownVersion ? { unknownVersion: infos[i].unknownVersion } : {}) })),
          ranges: quoted.g.ranges,
          problems: [...problems, ...quoted.g.problems],
        };
      } catch (e) {
        results[file] = { preds: [], ranges: 0, problems: [...problems, `not measured: ${(e as Error).message.split('\n')[0]}`] };
        await withTimeout(page.close(), CALL_TIMEOUT_MS, 'closing the tab').catch(() => undefined);
        await sleep(1000);
        page = await openTab();
      }
      if (!quiet) process.stderr.write(`\r${Object.keys(results).length}/${files.length} ${file}`.padEnd(70));
    }
    if (!quiet) process.stderr.write('\n');
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Node fast path (happy-dom + the same Scanner)
// ---------------------------------------------------------------------------------------------
async function runNode(pagesDir: string, files: string[]) {
  const { Window } = await import('happy-dom');
  const { Scanner } = await import('../src/dom/scanner');
  const { createMatcher } = await import('../src/core/matcher');
  const { compileIndex } = await import('../src/knowledge/compile');
  const { loadValidated } = await import('./vite-knowledge-plugin');
  const matcher = createMatcher(compileIndex(loadValidated()));
  const results: Record<string, { preds: Prediction[]; ranges: number; problems: string[] }> = {};
  const quote = new Function(`return ${QUOTE_FN}`)() as (d: Document, g: Range[][], i: MentionInfoLite[]) => Prediction[];
  for (const file of files) {
    const win = new Window({ url: 'http://127.0.0.1/', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
    const doc = win.document as unknown as Document;
    doc.write(readFileSync(join(pagesDir, file), 'utf8'));
    const hl = { add() {}, remove() {}, setActive() {}, clear() {}, count: 0 };
    const scanner = new Scanner(doc, matcher, hl);
    await scanner.scan(doc.body ?? doc.documentElement, false);
    const ms = [...scanner.mentions()].sort((a, b) => a.ranges[0].compareBoundaryPoints(0 /* START_TO_START */, b.ranges[0]));
    const infos = ms.map((m) => ({ entityId: m.entityId, exact: m.match.alias, unknownVersion: m.match.unknownVersion }));
    const quotes = quote(doc, ms.map((m) => m.ranges), infos);
    results[file] = {
      preds: quotes.map((q, i) => ({ ...q, id: infos[i].entityId, ...(infos[i].unknownVersion ? { unknownVersion: infos[i].unknownVersion } : {}) })),
      ranges: ms.reduce((n, m) => n + m.ranges.length, 0),
      problems: [],
    };
    await win.happyDOM.close();
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Scoring, error classes, save/diff
// ---------------------------------------------------------------------------------------------
interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
}
/** "prefix[[exact]]suffix  (note)" as the scorer lists errors. */
function parseQuote(s: string): Quote {
  const m = /^(.*?)\[\[(.*)\]\](.*?)(?:  \((.*)\))?$/.exec(s);
  return m ? { prefix: m[1], exact: m[2], suffix: m[3], note: m[4] ?? '' } : { prefix: '', exact: s, suffix: '', note: '' };
}

export const CLASSES = ['tail', 'ambiguous', 'missing knowledge', 'non-prose', 'other'] as const;
type ErrClass = (typeof CLASSES)[number];

/**
 * The class of one error, from the matcher's own reading of the span (node, bundled knowledge):
 * - tail: a false positive overlapping a labelled mention with other text, or a missed mention a
 *   shorter or longer highlight stands for (boundary errors);
 * - missing knowledge: a missed mention the matcher does not read as a name at all;
 * - ambiguous: the span is an ambiguous word (needs context) — kept against a trap or dropped;
 * - non-prose: a false positive glued to a URL, path, domain, address or identifier;
 * - other: the rest.
 */
async function classifier() {
  const { createMatcher, match } = await import('../src/core/matcher');
  const { compileIndex } = await import('../src/knowledge/compile');
  const { loadValidated } = await import('./vite-knowledge-plugin');
  const matcher = createMatcher(compileIndex(loadValidated()));
  return (kind: 'fp' | 'fn', q: Quote, boundary: boolean): ErrClass => {
    if (boundary) return 'tail';
    const ms = match(q.exact, matcher);
    const whole = ms.find((m) => m.start === 0 && m.end === q.exact.length);
    if (kind === 'fn') {
      if (!ms.length) return 'missing knowledge';
      if (!whole) return 'tail';
      return whole.needsContext ? 'ambiguous' : 'other';
    }
    if (/[/.@:_-]$/.test(q.prefix) || /^[/.@_]\w/.test(q.suffix)) return 'non-prose';
    if (q.note.startsWith('trap') || whole?.needsContext) return 'ambiguous';
    return 'other';
  };
}

interface CorpusScore {
  name: string;
  tp: number;
  fp: number;
  fn: number;
  traps: number;
  boundary: number;
  errors: { kind: 'fp' | 'fn'; page: string; cls: ErrClass; text: string }[];
}

async function scoreCorpus(name: string, scorer: string, predictionsPath: string, labelsPath: string, classify: Awaited<ReturnType<typeof classifier>>): Promise<CorpusScore> {
  // The scorer is a command (importing it would run its command line): its --json output.
  const run = spawnSync(process.execPath, [scorer, predictionsPath, labelsPath, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    process.exit(run.status ?? 1);
  }
  const res = JSON.parse(run.stdout) as { pages: Record<string, { fps: string[]; fns: string[] }>; total: Record<string, number> };
  const t = res.total;
  const out: CorpusScore = { name, tp: t.tp, fp: t.fp, fn: t.fn, traps: t.traps, boundary: t.boundary, errors: [] };
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  for (const [page, r] of Object.entries(res.pages)) {
    const fps = r.fps.map(parseQuote);
    const fns = r.fns.map(parseQuote);
    // A boundary pair: a highlight and a missed mention at one spot, one's text inside the other's.
    const near = (a: Quote, b: Quote) => {
      const [s, l] = squeeze(a.exact).length < squeeze(b.exact).length ? [a, b] : [b, a];
      return squeeze(l.exact).includes(squeeze(s.exact)) && (squeeze(l.prefix + l.exact).endsWith(squeeze(s.prefix).slice(-6) + squeeze(s.exact)) || squeeze(s.prefix).slice(-8) === squeeze(l.prefix).slice(-8));
    };
    for (const q of fps) out.errors.push({ kind: 'fp', page, cls: classify('fp', q, fns.some((f) => near(q, f))), text: `${q.prefix.slice(-24)}[[${q.exact}]]${q.suffix.slice(0, 24)}${q.note ? `  (${q.note})` : ''}` });
    for (const q of fns) out.errors.push({ kind: 'fn', page, cls: classify('fn', q, fps.some((f) => near(f, q))), text: `${q.prefix.slice(-24)}[[${q.exact}]]${q.suffix.slice(0, 24)}  (${q.note})` });
  }
  return out;
}

function printScore(s: CorpusScore) {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const by = (k: 'fp' | 'fn') => CLASSES.map((c) => `${c} ${s.errors.filter((e) => e.kind === k && e.cls === c).length}`).join(', ');
  console.log(`${s.name}: precision=${p.toFixed(3)} recall=${r.toFixed(3)} f1=${f1.toFixed(3)} traps=${s.traps} boundary=${s.boundary} (tp=${s.tp} fp=${s.fp} fn=${s.fn})`);
  console.log(`  false positives by class: ${by('fp')}`);
  console.log(`  misses by class:          ${by('fn')}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.node) ensureBuild(args.browser, args.build);
  const mode = args.node ? 'node (happy-dom; not for reporting)' : args.browser;
  const classify = await classifier();
  const scores: CorpusScore[] = [];
  for (const c of args.corpora) {
    const corpus = resolve(c);
    if (!existsSync(corpus) || !statSync(corpus).isDirectory()) usage(`${corpus} is not a directory`);
    const pagesDir = existsSync(join(corpus, 'pages')) ? join(corpus, 'pages') : corpus;
    const files = readdirSync(pagesDir)
      .filter((f) => /\.html?$/i.test(f))
      .sort();
    if (!files.length) usage(`no .html pages in ${pagesDir}`);
    const labelsPath = join(corpus, 'labels.json');
    const hasLabels = existsSync(labelsPath);
    const scorer = args.scorer ? resolve(args.scorer) : resolve(corpus, '../../tools/score-mentions.mjs');
    if (hasLabels && !existsSync(scorer)) {
      console.error(`eval: ${labelsPath} exists but the scorer is missing: expected ${scorer} (--scorer PATH, or <corpus-dir>/../../tools/score-mentions.mjs)`);
      process.exit(2);
    }
    const name = basename(corpus);
    const results = args.node ? await runNode(pagesDir, files) : await runBrowser(args.browser, pagesDir, files, args.quiet);

    const predictions = { pages: Object.fromEntries(Object.entries(results).map(([f, r]) => [f, r.preds])) };
    const suffix = args.corpora.length > 1 ? `-${name}` : '';
    const out = resolve(args.out && args.corpora.length === 1 ? args.out : join(ROOT, '.eval', `predictions-${args.node ? 'node' : args.browser}${suffix}.json`));
    mkdirSync(resolve(out, '..'), { recursive: true });
    writeFileSync(out, JSON.stringify(predictions, null, 2) + '\n');

    const totalMentions = Object.values(results).reduce((n, r) => n + r.preds.length, 0);
    const totalRanges = Object.values(results).reduce((n, r) => n + r.ranges, 0);
    for (const [f, r] of Object.entries(results)) for (const p of r.problems) console.error(`eval: ${f}: ${p}`);
    const unmeasured = Object.values(results).filter((r) => r.problems.some((p) => /^not measured|never answered/.test(p))).length;
    if (unmeasured) console.log(`WARNING: ${unmeasured} page(s) could not be measured (see above)`);

    if (args.list || !hasLabels) {
      console.log(`highlights per page (${mode}):`);
      for (const [f, r] of Object.entries(results)) {
        if (!r.preds.length) continue;
        console.log(`${f}: ${r.preds.length} mention(s), ${r.ranges} range(s)`);
        for (const p of r.preds)
          console.log(`  ${p.prefix.slice(-24)}[[${p.exact}]]${p.suffix.slice(0, 24)}  ${p.id ?? ''}${p.unknownVersion ? ` (unknown version ${p.unknownVersion})` : ''}`);
      }
    }
    console.log(
      `${name}: ${files.length} pages, ${Object.values(results).filter((r) => r.preds.length).length} with highlights; ${totalMentions} mention(s), ${totalRanges} range(s) [${mode}]; predictions: ${out}`,
    );
    if (hasLabels) {
      if (!args.quiet) {
        const r = spawnSync(process.execPath, [scorer, out, labelsPath], { encoding: 'utf8' });
        process.stdout.write(r.stdout);
        process.stderr.write(r.stderr);
        if (r.status !== 0) process.exit(r.status ?? 1);
      }
      scores.push(await scoreCorpus(name, scorer, out, labelsPath, classify));
    }
  }
  if (!scores.length) return;
  console.log(`\nscore [${mode}]`);
  for (const s of scores) printScore(s);
  if (scores.length > 1)
    printScore(
      scores.reduce(
        (a, s) => ({ name: 'total', tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn, traps: a.traps + s.traps, boundary: a.boundary + s.boundary, errors: [...a.errors, ...s.errors] }),
        { name: 'total', tp: 0, fp: 0, fn: 0, traps: 0, boundary: 0, errors: [] } as CorpusScore,
      ),
    );
  const savedDir = join(ROOT, '.eval', 'saved');
  const key = (s: CorpusScore, e: CorpusScore['errors'][number]) => `${s.name}/${e.page} ${e.kind.toUpperCase()} ${e.text}`;
  if (args.diff) {
    const file = join(savedDir, `${args.diff}.json`);
    if (!existsSync(file)) usage(`no saved run ${file} (--save ${args.diff} first)`);
    const before = new Set<string>(JSON.parse(readFileSync(file, 'utf8')).errors);
    const now = new Set(scores.flatMap((s) => s.errors.map((e) => key(s, e))));
    const fixed = [...before].filter((e) => !now.has(e) && args.corpora.some((c) => e.startsWith(basename(resolve(c)) + '/')));
    const broken = [...now].filter((e) => !before.has(e));
    console.log(`\nagainst ${args.diff}: ${fixed.length} fixed, ${broken.length} broken`);
    for (const e of fixed) console.log(`  fixed  ${e}`);
    for (const e of broken) console.log(`  broken ${e}`);
  }
  if (args.save) {
    mkdirSync(savedDir, { recursive: true });
    writeFileSync(join(savedDir, `${args.save}.json`), JSON.stringify({ mode, errors: scores.flatMap((s) => s.errors.map((e) => key(s, e))) }, null, 1) + '\n');
    console.log(`saved as ${args.save}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
