/**
 * The first stage's probe (src/core/probe.ts) on the page side: read text as the engine reads it —
 * block by block (src/dom/text-walker.ts) — and ask the background, a part at a time, whether any
 * block may hold a name. Reading yields to the page every few milliseconds, so a long page is
 * read in short tasks; the first part the background says yes to ends it.
 */
import { PROBE_CHUNK, PROBE_FIRST, PROBE_SEP } from '../core/probe';
import { BlockWalker } from './text-walker';
import { timeSlices } from './yield';

/** Longest stretch of reading before the page gets its turn. */
export const SLICE_MS = 4;
/** Text nodes read before the clock is looked at, even inside one block. */
const NODES_PER_LOOK = 256;

/** Asks whether any of the texts (joined by PROBE_SEP) may hold a name. */
export type Ask = (text: string) => Promise<boolean>;

/** Read `roots` (elements, shadow roots) block by block; true as soon as `ask` says a part may hold a name. */
export async function probeRoots(roots: Iterable<Node>, ask: Ask, signal: AbortSignal): Promise<boolean> {
  let parts: string[] = [];
  let size = 0;
  let limit = PROBE_FIRST;
  const slice = timeSlices(SLICE_MS, signal);
  const send = (): Promise<boolean> | boolean => {
    if (!parts.length) return false;
    const text = parts.join(PROBE_SEP);
    parts = [];
    size = 0;
    limit = Math.min(limit * 4, PROBE_CHUNK);
    return ask(text);
  };
  for (const root of roots) {
    if (!root.isConnected) continue;
    const w = new BlockWalker(root);
    for (let b = w.nextWithin(NODES_PER_LOOK); b !== null; b = w.nextWithin(NODES_PER_LOOK)) {
      if (b) {
        parts.push(b.text);
        size += b.text.length + 1;
      }
      if (size >= limit) {
        if (await send()) return true;
        if (signal.aborted) return false;
        slice.restart();
      } else if (slice.due() && !(await slice.next())) return false;
    }
  }
  return !signal.aborted && send();
}
