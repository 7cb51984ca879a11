/**
 * Real-browser harness: a static server on 127.0.0.1 and launchers for Debian's Chromium and
 * Firefox ESR with the built extension installed, shared by the e2e tests and the scripts (eval,
 * bench, screenshots). A browser that is not installed is skipped with a notice naming it; with
 * CI=true it is an error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, process.env.MODELLENS_OUT_DIR ?? '.output');
export const BUILDS = {
  chromium: join(OUT, 'chrome-mv3'),
  firefox: join(OUT, 'firefox-mv3'),
} as const;
export const BINARIES = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' } as const;
export type BrowserName = keyof typeof BINARIES;

/** Which browsers to run: both where installed; in CI both are required. */
export function browsersToTest(): BrowserName[] {
  const out: BrowserName[] = [];
  for (const b of ['chromium', 'firefox'] as const) {
    if (existsSync(BINARIES[b])) out.push(b);
    else if (process.env.CI) throw new Error(`${BINARIES[b]} is missing: CI needs real ${b} (apt-get install ${b === 'firefox' ? 'firefox-esr' : 'chromium'})`);
    else console.warn(`e2e: SKIPPING ${b}: ${BINARIES[b]} is not installed here (with CI=true this is a failure)`);
  }
  if (!out.length) throw new Error('No browser installed for e2e tests: apt-get install chromium firefox-esr');
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serve `dir` on 127.0.0.1 at a free port. `htmlHeaders` are added to HTML responses (e.g. a CSP
 * that keeps a saved page's own scripts from running).
 */
export async function serve(dir: string, htmlHeaders: Record<string, string> = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, ...(type.startsWith('text/html') ? htmlHeaders : {}) });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    // Idle keep-alive connections from a tab still on the page would hold close() for a minute.
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

export async function launch(
  name: BrowserName,
  opts: {
    extension?: boolean;
    /** Another build of the extension than BUILDS[name] (a benchmark's). */
    dir?: string;
    /** More Chromium switches. */
    args?: string[];
    width?: number;
    height?: number;
    firefoxPrefs?: Record<string, unknown>;
  } = {},
): Promise<Browser> {
  const ext = opts.extension !== false;
  const dir = opts.dir ?? BUILDS[name];
  if (ext && !existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is not built: run npm run build / build:firefox`);
  const size = `${opts.width ?? 1280},${opts.height ?? 900}`;
  if (name === 'chromium') {
    return puppeteer.launch({
      executablePath: BINARIES.chromium,
      headless: true,
      defaultViewport: null,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        `--window-size=${size}`,
        ...(opts.args ?? []),
        ...(ext ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : []),
      ],
    });
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: BINARIES.firefox,
    headless: true,
    defaultViewport: null,
    args: ['-remote-allow-system-access', `--width=${opts.width ?? 1280}`, `--height=${opts.height ?? 900}`],
    extraPrefsFirefox: {
      // No traffic to Mozilla services from the test browser.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.newtabpage.enabled': false,
      // Reduced motion, as a user may set it (the card must not animate then).
      'ui.prefersReducedMotion': 1,
      ...opts.firefoxPrefs,
    },
  });
  if (ext) await browser.installExtension(dir);
  return browser;
}

/** Wait until the page's ModelLens highlight registry holds at least `min` ranges. */
export async function waitForHighlights(page: Page, min = 1, timeout = 15_000): Promise<number> {
  await page.waitForFunction(
    (n: number) => {
      const h = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('modellens');
      return !!h && h.size >= n;
    },
    { timeout, polling: 100 },
    min,
  );
  return page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('modellens')!.size);
}

/** The text of every highlighted range, in document order. */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // The registry holds StaticRanges: live Ranges for comparing and reading them.
    const h = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('modellens');
    if (!h) return [];
    const live = (s: AbstractRange) => {
      const r = new Range();
      r.setStart(s.startContainer, s.startOffset);
      r.setEnd(s.endContainer, s.endOffset);
      return r;
    };
    return [...h]
      .map(live)
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((r) => r.toString());
  });
}

/** Centre of the first highlighted range whose text is `text`. */
export function rangeCenter(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((t: string) => {
    const h = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('modellens');
    for (const s of h ?? []) {
      const r = new Range();
      r.setStart(s.startContainer, s.startOffset);
      r.setEnd(s.endContainer, s.endOffset);
      if (r.toString() !== t) continue;
      const b = r.getClientRects()[0];
      if (b) return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    return null;
  }, text);
}

/** Text of the open card, or null when no card is visible. */
export function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('modellens-ui');
    const card = host?.shadowRoot?.querySelector('.card') as HTMLElement | null;
    if (!card) return null;
    const layer = card.parentElement as HTMLElement;
    if (layer.hidden) return null;
    return card.innerText || card.textContent;
  });
}

/** The page as the site made it: outerHTML without ModelLens's host, and body.innerText. */
export function pageSnapshot(page: Page): Promise<{ html: string; text: string }> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('modellens-ui').forEach((n) => n.remove());
    return { html: clone.outerHTML, text: document.body.innerText };
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
