/**
 * Globals of the content-script world that the first stage (first-stage.js) and the engine
 * (engine.js), two bundles, share. Only the extension's scripts run in this world; pages cannot
 * see it.
 */

/** The engine script's start(), set when engine.js has run. */
export const ENGINE_GLOBAL = '__MODELLENS_ENGINE__';
export type EngineStart = () => Promise<void>;

/** The engine's listeners for the extension's messages (src/dom/messages.ts), once it listens. */
export const LISTENERS_GLOBAL = '__MODELLENS_LISTENERS__';
export type MessageListener = (msg: unknown, sender: { tab?: { id?: number }; frameId?: number }, sendResponse: (r: unknown) => void) => true | undefined;
