/**
 * What the probe costs the extension's background. A page without names no longer matches its
 * text itself: its first stage sends the text blocks to the background, which answers
 * (src/background/probe.ts). That work leaves the page's thread but is still CPU time, so it is
 * measured here: the real pages load as in the frames bench (page scripts on, all frames, the
 * build as shipped) while the service worker is sampled with the V8 CPU profiler (CDP `Profiler`,
 * 200 µs); the background's time is its samples whose stack holds a `chrome-extension://` script.
 * The first page pays for the background's first answer (building the matcher; the background
 * itself started with the browser, before the profiler) and is reported apart.
 *
 *   npm run bench -- --background-only [--frames-ext=<chrome-mv3 dir>]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'puppeteer-core';
import { buildExtension, extensionTime, launchWithExtension, SAMPLING_US, type Profile } from './bench-frames';
import { ROOT, serve, sleep } from './browser/harness';

/** How long after the load event a page's probe messages are still counted. */
const SETTLE_MS = 1500;

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

async function profiled(sw: CDPSession, run: () => Promise<void>): Promise<number> {
  await sw.send('Profiler.start');
  await run();
  const r = (await sw.send('Profiler.stop')) as { profile: Profile };
  return extensionTime(r.profile).totalMs;
}

export async function runBackground(o: { realDir: string; realPages: string[]; args: string[]; write: boolean; log?: (s: string) => void }): Promise<void> {
  const log = o.log ?? console.log;
  const ext = o.args.find((a) => a.startsWith('--frames-ext='))?.slice(13) ?? buildExtension(join(tmpdir(), `modellens-bench-bg-${process.pid}`));
  const server = await serve(o.realDir);
  const browser = await launchWithExtension(ext);
  const load = loadavg()[0];
  try {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 20_000 });
    const sw = await target.createCDPSession();
    await sw.send('Profiler.enable');
    await sw.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    const ms: { page: string; ms: number }[] = [];
    for (const page of o.realPages) {
      const p = await browser.newPage();
      p.on('dialog', (d) => void d.dismiss().catch(() => undefined));
      const t = await profiled(sw, async () => {
        await p.goto(`${server.url}/${page}`, { waitUntil: 'load', timeout: 15_000 }).catch(() => undefined);
        await sleep(SETTLE_MS);
      });
      await p.close().catch(() => undefined);
      ms.push({ page, ms: t });
      log(`${page.padEnd(44)} ${t.toFixed(1).padStart(7)} ms`);
    }
    const [first, ...rest] = ms;
    const xs = rest.map((r) => r.ms);
    const max = rest.reduce((a, r) => (r.ms > a.ms ? r : a), rest[0]);
    const f = (x: number) => x.toFixed(1);
    const md = `<!-- background:start (written by scripts/bench-background.ts) -->
## The background's share (the probe's answers)

A page's first stage sends its text blocks to the background, which answers whether a name may
stand there (src/background/probe.ts). Measured in Chromium ${(await browser.version()).replace(/^\D+/, '')}, ${cpus().length} cores (load average
${load.toFixed(2)} at the start): the ${o.realPages.length} real pages, loaded one after another with their scripts running as
in the frames bench, while the service worker is sampled every ${SAMPLING_US} µs (CDP \`Profiler\`); its time is its
samples whose stack holds a \`chrome-extension://\` script × ${SAMPLING_US} µs, from navigation until ${SETTLE_MS / 1000} s after load.

| background JS per page | ms |
|---|---:|
| first page (${first.page}: the background's first answer builds the matcher; it started with the browser) | ${f(first.ms)} |
| the other ${rest.length} pages, median | ${f(pct(xs, 0.5))} |
| p90 | ${f(pct(xs, 0.9))} |
| max (${max.page}) | ${f(max.ms)} |
<!-- background:end -->
`;
    log(`\nbackground JS: first page ${f(first.ms)} ms; then median ${f(pct(xs, 0.5))} ms, p90 ${f(pct(xs, 0.9))} ms, max ${f(max.ms)} ms (${max.page})`);
    if (o.write) {
      const file = join(ROOT, 'docs/performance.md');
      const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
      const re = /<!-- background:start[\s\S]*?<!-- background:end -->\n?/;
      writeFileSync(file, re.test(old) ? old.replace(re, md) : old.trimEnd() + '\n\n' + md);
      log('wrote the background section of docs/performance.md');
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
