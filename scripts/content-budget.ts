/**
 * Build hooks for what runs in every page (wxt.config.ts):
 * - the content script and the card script use `@wxt-dev/browser` (the browser's own promise-based
 *   `browser`, or `chrome` in Chromium MV3) instead of webextension-polyfill;
 * - the content script's size is reported against its budget after every build.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * Minified content script: the first stage every frame runs plus the engine it loads where there
 * is text (knowledge-index.js, the data, is separate). 48 kB: the page session,
 * one module per feature and the typed card and message boundaries cost about 2 kB minified
 * (0.5 kB gzipped) over the single closure they replaced (39.8 kB); touch taps (0.6 kB), the
 * context menu's page side (1.0 kB), closed shadow roots and the non-probeable script loader
 * (0.7 kB) and the staged frame start with the split alias search (1.3 kB) add 3.6 kB more;
 * the alias search by groups, with its word check and one compiled tail, 0.3 kB more; the two
 * stages (the first stage carries its own copy of the script loader, so frames
 * without text never load the engine) 1.5 kB more, and the first name's warm-up in tasks of its
 * own 0.3 kB (the Firefox build is the larger, 48.1 kB). The probe stage (src/dom/probe-stage.ts)
 * puts the block walker, the mutation observer and the shadow-root search into the first stage
 * too, which the engine carries as well: 8.5 kB more (Firefox 57.0 kB). Reading in slices that can
 * stop inside a block and search shadow roots in slices: 0.8 kB more in all (Firefox about 57.9 kB).
 */
export const CONTENT_BUDGET_BYTES = 58.5 * 1024;

const PAGE_SCRIPTS = new Set(['first-stage', 'engine', 'card']);

interface EntrypointLike {
  name: string;
  type: string;
}
interface ViteConfigLike {
  resolve?: { alias?: unknown } & object;
}

export function nativeBrowserForPageScripts(entrypoints: readonly EntrypointLike[], config: ViteConfigLike): void {
  if (!entrypoints.some((e) => PAGE_SCRIPTS.has(e.name))) return;
  const require = createRequire(import.meta.url);
  // wxt's own `wxt/browser` is `@wxt-dev/browser`; the polyfill module aliases it away.
  const native = join(require.resolve('wxt/browser').replace(/browser\.mjs$/, ''), 'browser.mjs');
  const entry = { find: /^wxt\/browser$/, replacement: native };
  config.resolve ??= {};
  const alias = config.resolve.alias;
  if (Array.isArray(alias)) alias.unshift(entry);
  else config.resolve.alias = [entry, ...Object.entries((alias as Record<string, string>) ?? {}).map(([find, replacement]) => ({ find, replacement }))];
}

/**
 * What every frame loads (the manifest's content script, src/dom/first-stage.ts): the readable-text
 * check, the loader and the probe stage (the block walker, observer and shadow-root search it
 * reads with), about 10.9 kB with the slices it reads in.
 */
export const FIRST_STAGE_BUDGET_BYTES = 11.25 * 1024;

/** Sizes of the first stage and of what a frame with text loads (first stage + engine.js). */
export function contentSizes(outDir: string): { first: number; total: number } | null {
  const first = join(outDir, 'first-stage.js');
  const engine = join(outDir, 'engine.js');
  if (!existsSync(first) || !existsSync(engine)) return null;
  return { first: statSync(first).size, total: statSync(first).size + statSync(engine).size };
}

export function contentScriptBudget(wxt: { config: { outDir: string }; logger: { info(m: string): void; warn(m: string): void } }): void {
  const sizes = contentSizes(wxt.config.outDir);
  if (!sizes) return;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const msg = `content script ${kb(sizes.total)} of its ${kb(CONTENT_BUDGET_BYTES)} budget (first stage ${kb(sizes.first)} of ${kb(FIRST_STAGE_BUDGET_BYTES)})`;
  if (sizes.total > CONTENT_BUDGET_BYTES || sizes.first > FIRST_STAGE_BUDGET_BYTES) wxt.logger.warn(`${msg}: over budget`);
  else wxt.logger.info(msg);
}
