import { describe, expect, it } from 'vitest';
import { HoverIntent, type Timers } from '../../src/core/hover-intent';
import { HIDE_DELAY_MS, SHOW_DELAY_MS } from '../../src/core/constants';

/** A manual clock: timers fire only when the test advances time. */
function clock() {
  let now = 0;
  let id = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => (pending.set(++id, { at: now + ms, fn }), id),
    clear: (i) => void pending.delete(i),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      pending.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    }
    now = end;
  };
  return { timers, advance };
}

function setup() {
  const c = clock();
  const log: string[] = [];
  const hi = new HoverIntent<string>({
    timers: c.timers,
    show: (t, token) => log.push(`show ${t} #${token}`),
    hide: () => log.push('hide'),
  });
  return { c, log, hi };
}

describe('hover intent', () => {
  it('shows only after the show delay', () => {
    const { c, log, hi } = setup();
    hi.pointerAt('a');
    c.advance(SHOW_DELAY_MS - 1);
    expect(log).toEqual([]);
    c.advance(1);
    expect(log).toEqual(['show a #1']);
  });

  it('ignores fly-overs shorter than the delay', () => {
    const { c, log, hi } = setup();
    hi.pointerAt('a');
    c.advance(100);
    hi.pointerAt(null);
    c.advance(1000);
    expect(log).toEqual([]);
  });

  it('hides after the grace period, unless the pointer reaches the card', () => {
    const { c, log, hi } = setup();
    hi.pointerAt('a');
    c.advance(SHOW_DELAY_MS);
    hi.pointerAt(null);
    c.advance(HIDE_DELAY_MS - 50);
    hi.pointerInCard(true);
    c.advance(5000);
    expect(log).toEqual(['show a #1']);
    hi.pointerInCard(false);
    c.advance(HIDE_DELAY_MS);
    expect(log).toEqual(['show a #1', 'hide']);
  });

  it('stays open while pinned, closes on close()', () => {
    const { c, log, hi } = setup();
    hi.pointerAt('a');
    c.advance(SHOW_DELAY_MS);
    hi.setPinned(true);
    hi.pointerAt(null);
    c.advance(5000);
    expect(hi.current).toBe('a');
    hi.close();
    expect(log).toEqual(['show a #1', 'hide']);
    // close() unpins: the next card hides again when the pointer leaves.
    hi.pointerAt('b');
    c.advance(SHOW_DELAY_MS);
    hi.pointerAt(null);
    c.advance(5000);
    expect(hi.current).toBe(null);
  });

  it('moves to a new target with a new token (stale cards are dropped by token)', () => {
    const { c, log, hi } = setup();
    hi.pointerAt('a');
    c.advance(SHOW_DELAY_MS);
    hi.pointerAt('b');
    c.advance(SHOW_DELAY_MS);
    expect(log).toEqual(['show a #1', 'show b #2']);
    expect(hi.token).toBe(2);
  });

  it('shows at once for keyboard focus', () => {
    const { log, hi } = setup();
    hi.showNow('k');
    expect(log).toEqual(['show k #1']);
  });
});
