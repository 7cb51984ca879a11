/**
 * The engine's composition root (started by the content script's first stage, src/dom/first-stage.ts): read the settings, make the page session (the state:
 * settings, index, scanner) and start each feature (src/dom/features/*) with it and one
 * AbortSignal. Everything registered here stops with `ctx` (extension update, disable, uninstall).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadPageSetup } from '../settings/page';
import { initBadge } from './features/badge';
import { initContextMenu } from './features/context-menu';
import { initFirstMention } from './features/first-mention';
import { chooseHighlighter, initHighlightStyle } from './features/highlighting';
import { initHover } from './features/hover';
import { initKeyboard } from './features/keyboard';
import { initLiveSettings } from './features/live-settings';
import { initPointer } from './features/pointer';
import { initPopupRequests } from './features/popup-requests';
import { initTouch } from './features/touch';
import { createTour } from './features/tour';
import { acquireIndex } from './acquire-index';
import { PageSession } from './session';

/** How often to check that the extension is still there (see start()). */
const INVALIDATION_CHECK_MS = 1000;

export async function start(ctx: ContentScriptContext): Promise<void> {
  const abort = new AbortController();
  ctx.onInvalidated(() => abort.abort());
  // An update, reload, disable or uninstall leaves this script running without its extension;
  // WXT notices (runtime.id gone) when one of ctx's timers fires, then every onInvalidated
  // cleanup runs: highlights cleared, observers and listeners stopped.
  ctx.setInterval(() => undefined, INVALIDATION_CHECK_MS);
  const signal = abort.signal;

  // The first stage (src/dom/first-stage.ts) started this frame: the background found that a name
  // may stand in its text, or the extension asked it something (the popup, a command, the menu).
  const bundled = await acquireIndex();
  // Settings and the user's knowledge (src/settings): read once here, then followed live.
  const setup = await loadPageSetup(bundled);
  if (signal.aborted) return;
  const session = new PageSession(ctx, document, chooseHighlighter(document), setup, signal);

  initHighlightStyle(session, signal);
  initFirstMention(session, signal);
  initBadge(session, signal);
  const hover = initHover(session, signal);
  const tour = createTour(session, hover);
  initPointer(session, hover, signal);
  initTouch(session, hover, signal);
  initKeyboard(session, hover, tour, signal);
  initPopupRequests(session, tour, signal);
  initContextMenu(session, hover, signal);
  initLiveSettings(session, bundled, signal);
  ctx.onInvalidated(() => session.dispose());

  await session.start();
}
