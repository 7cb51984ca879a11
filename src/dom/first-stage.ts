/**
 * What every frame runs (the manifest's content script, entrypoints/first-stage.ts, kept small and
 * free of extension APIs until it is needed):
 * 1. Is there anything to read? A frame without readable text — an ad slot, a tracking pixel, an
 *    empty embed; often a process of its own — pays for this script and one MutationObserver
 *    (src/dom/readable.ts) and touches no extension API.
 * 2. May it hold a name? The probe (src/dom/probe-stage.ts) reads the text and asks the
 *    background; a page without names stops here, without the engine or the index.
 * 3. Load the engine (entrypoints/engine.ts → engine.js) into this content-script world by a way
 *    pages cannot probe (src/dom/extension-script.ts) and start it.
 */
import { loadExtensionScript } from './extension-script';
import { ENGINE_GLOBAL, type EngineStart } from './globals';
import { untilNeeded } from './probe-stage';
import { whenReadable } from './readable';

export async function firstStage(): Promise<void> {
  // The top frame reads at once: the popup asks it, text or not.
  if (window !== window.top && !(await whenReadable(document, new AbortController().signal))) return;
  const { forward } = await untilNeeded(document);
  try {
    const g = globalThis as Record<string, unknown>;
    if (!g[ENGINE_GLOBAL]) await loadExtensionScript('engine.js');
    const start = g[ENGINE_GLOBAL] as EngineStart | undefined;
    if (!start) throw new Error('ModelLens: engine script did not load');
    await start();
  } finally {
    forward();
  }
}
