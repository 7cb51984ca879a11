/**
 * What every frame runs (the manifest's content script, entrypoints/first-stage.ts, kept small and
 * free of extension APIs until it is needed): is there anything to read,
 * and if so, load the engine (entrypoints/engine.ts → engine.js) into this content-script world
 * by a way pages cannot probe (src/dom/extension-script.ts) and start it. A frame without
 * readable text — an ad slot, a tracking pixel, an empty embed; often a process of its own — pays
 * for this script and one MutationObserver (src/dom/readable.ts), not for compiling the engine and
 * the alias index. The top frame always starts: the popup and the toolbar badge ask it.
 */
import { loadExtensionScript } from './extension-script';
import { whenReadable } from './readable';

/** The global the engine script sets in the content-script world: its start(ctx). */
export const ENGINE_GLOBAL = '__MODELLENS_ENGINE__';

export type EngineStart = () => Promise<void>;

export async function firstStage(): Promise<void> {
  // Nothing here touches an extension API until there is text: in a frame of its own process,
  // the first use of one costs milliseconds (docs/performance.md). If the extension goes away
  // meanwhile, loading the engine fails and nothing starts.
  if (window !== window.top && !(await whenReadable(document, new AbortController().signal))) return;
  const g = globalThis as Record<string, unknown>;
  if (!g[ENGINE_GLOBAL]) await loadExtensionScript('engine.js');
  const start = g[ENGINE_GLOBAL] as EngineStart | undefined;
  if (!start) throw new Error('ModelLens: engine script did not load');
  await start();
}
