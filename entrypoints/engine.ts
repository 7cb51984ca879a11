/**
 * The page engine as its own script, loaded by the content script's first stage once a frame has
 * something to read (src/dom/first-stage.ts): frames without text never compile it. The WXT
 * content-script context (invalidation on update or uninstall, timers) starts here.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ENGINE_GLOBAL, type EngineStart } from '@/src/dom/globals';
import { start } from '@/src/dom/start';

export default defineUnlistedScript(() => {
  const run: EngineStart = () => start(new ContentScriptContext('content'));
  (globalThis as Record<string, unknown>)[ENGINE_GLOBAL] = run;
});
