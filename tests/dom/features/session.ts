/** A page session over happy-dom for the feature tests: the test index, a collecting highlighter, a fake ctx. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';
import { compileIndex } from '../../../src/knowledge/compile';
import { indexFingerprint } from '../../../src/knowledge/fingerprint';
import type { Entry } from '../../../src/knowledge/schema';
import { defaultSettings, type Settings } from '../../../src/settings/defaults';
import type { CardApi, CardTarget } from '../../../src/ui/card-api';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageSession } from '../../../src/dom/session';
import { collecting } from '../helpers';

const entry = (id: string, name: string, aliases: Entry['aliases']): Entry =>
  ({ id, name, vendor: id.split('/')[0], kind: 'model', summary: '', aliases }) as unknown as Entry;

export const INDEX = compileIndex([
  entry('anthropic/claude-opus-4-6', 'Claude Opus 4.6', ['Claude Opus 4.6', 'claude-opus-4-6']),
  entry('google/gemini-2.5-pro', 'Gemini 2.5 Pro', ['Gemini 2.5 Pro', 'Gemini Pro 2.5']),
  entry('openai/gpt-5.4', 'GPT-5.4', ['GPT-5.4']),
]);
// knowledge-index.js carries the bundled index's fingerprint, computed at build time (src/knowledge/pack-index.ts).
Object.defineProperty(INDEX, 'fp', { value: indexFingerprint(INDEX) });

/** The parts of WXT's content-script context the features use. */
export function fakeContext(): ContentScriptContext {
  const cleanups: (() => void)[] = [];
  return {
    isInvalid: false,
    onInvalidated: (cb: () => void) => void cleanups.push(cb),
    setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms) as unknown as number,
    requestAnimationFrame: (fn: FrameRequestCallback) => setTimeout(() => fn(0), 0) as unknown as number,
    invalidate: () => cleanups.forEach((c) => c()),
  } as unknown as ContentScriptContext;
}

export function makeSession(settings: Partial<Settings> = {}) {
  const abort = new AbortController();
  const hl = collecting();
  const session = new PageSession(fakeContext(), document, hl, { settings: { ...defaultSettings(), ...settings }, index: INDEX }, abort.signal);
  return { session, abort, hl };
}

/** A card that records what it is asked to do. */
export function recordingCard(): CardApi & { shown: Array<{ target: CardTarget; focus: boolean }>; said: string[]; hidden: number } {
  const card = {
    shown: [] as Array<{ target: CardTarget; focus: boolean }>,
    said: [] as string[],
    hidden: 0,
    async show(target: CardTarget, _token: number, focus = false) {
      card.shown.push({ target, focus });
    },
    async announce(text: string) {
      card.said.push(text);
    },
    setPinned() {},
    hide() {
      card.hidden++;
    },
    destroy() {},
    contains: () => false,
    async lookup() {
      return null;
    },
    async toast() {},
  };
  return card;
}

/** Send to the page's listeners as a browser does: with a sendResponse callback, the reply arrives through it. */
export async function askPage(msg: unknown): Promise<unknown> {
  let reply: unknown = 'no reply';
  let done: () => void = () => {};
  const answered = new Promise<void>((r) => (done = r));
  // The fake's trigger passes every argument on to the listeners; its types know only two.
  const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown[]>;
  const results = await trigger(msg, {}, (r: unknown) => {
    reply = r;
    done();
  });
  if (!results.includes(true)) return 'no reply';
  await answered;
  return reply;
}

/** happy-dom has no layout: every point is over `node` at `offset`, and every range is under the pointer. */
export function pointAt(node: () => Node | null, offset: number): void {
  (document as unknown as Record<string, unknown>).caretPositionFromPoint = () => {
    const n = node();
    return n ? { offsetNode: n, offset } : null;
  };
  vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([{ left: 0, right: 1e4, top: 0, bottom: 1e4 }] as unknown as DOMRectList);
}
