/** How the page engine gives the page its turn between slices of work. */

/**
 * Let the page run before the next slice. A task queued behind the page's own tasks (not
 * scheduler.yield(), whose continuation jumps ahead of them and would starve the page's timers
 * and messages until the whole scan is done); MessageChannel where postTask is missing (no
 * setTimeout clamping).
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { postTask?: (cb: () => void, o?: { priority?: string }) => Promise<void> } }).scheduler;
  if (typeof s?.postTask === 'function') return s.postTask(() => undefined, { priority: 'user-visible' });
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}

/** Run each step as a task of its own, the page's turn between them; false if `signal` stopped it. */
export async function inTasks(steps: (() => void)[], signal?: AbortSignal): Promise<boolean> {
  for (const step of steps) {
    if (signal?.aborted) return false;
    step();
    await yieldToPage();
  }
  return true;
}

/**
 * Time slices for a loop that gives the page its turn: `due()` once `ms` have passed since the
 * slice began; `next()` yields to the page and begins a new slice, false if `signal` stopped
 * meanwhile; `restart()` begins a new slice after the loop waited of its own accord.
 */
export function timeSlices(ms: number, signal: AbortSignal) {
  let start = performance.now();
  return {
    due: () => performance.now() - start >= ms,
    restart: () => void (start = performance.now()),
    async next(): Promise<boolean> {
      await yieldToPage();
      start = performance.now();
      return !signal.aborted;
    },
  };
}
