/**
 * Hover intent as a small state machine with injected timers, so its timing is unit-testable.
 * A token increments with every new target; async work (loading facts) checks it to drop stale cards.
 */
import { HIDE_DELAY_MS, SHOW_DELAY_MS } from './constants';

export interface Timers {
  set(fn: () => void, ms: number): number;
  clear(id: number): void;
}

export interface HoverIntentOptions<T> {
  timers: Timers;
  show(target: T, token: number): void;
  hide(): void;
  showDelay?: number;
  hideDelay?: number;
}

export class HoverIntent<T> {
  private target: T | null = null;
  private shown: T | null = null;
  private showTimer = 0;
  private hideTimer = 0;
  private overCard = false;
  private pinned = false;
  token = 0;

  constructor(private o: HoverIntentOptions<T>) {}

  /** The pointer is over `target` (or over no mention: null). */
  pointerAt(target: T | null, same: (a: T, b: T) => boolean = (a, b) => a === b): void {
    if (target && this.target && same(target, this.target)) return;
    this.target = target;
    this.o.timers.clear(this.showTimer);
    this.showTimer = 0;
    if (target) {
      if (this.shown && same(target, this.shown)) {
        this.cancelHide();
        return;
      }
      this.showTimer = this.o.timers.set(() => this.doShow(target), this.o.showDelay ?? SHOW_DELAY_MS);
    } else if (this.shown) this.scheduleHide();
  }

  /** Show at once (keyboard focus, tap). */
  showNow(target: T): void {
    this.o.timers.clear(this.showTimer);
    this.target = target;
    this.doShow(target);
  }

  pointerInCard(inside: boolean): void {
    this.overCard = inside;
    if (inside) this.cancelHide();
    else if (this.shown && !this.target) this.scheduleHide();
  }

  setPinned(p: boolean): void {
    this.pinned = p;
    if (p) this.cancelHide();
  }

  get current(): T | null {
    return this.shown;
  }

  /** Esc, click outside, teardown. */
  close(): void {
    this.o.timers.clear(this.showTimer);
    this.cancelHide();
    this.pinned = false;
    this.target = null;
    if (this.shown !== null) {
      this.shown = null;
      this.token++;
      this.o.hide();
    }
  }

  private doShow(target: T) {
    this.cancelHide();
    this.shown = target;
    this.o.show(target, ++this.token);
  }

  private scheduleHide() {
    if (this.pinned || this.overCard || this.hideTimer) return;
    this.hideTimer = this.o.timers.set(() => {
      this.hideTimer = 0;
      if (this.pinned || this.overCard || this.target) return;
      this.close();
    }, this.o.hideDelay ?? HIDE_DELAY_MS);
  }

  private cancelHide() {
    if (this.hideTimer) this.o.timers.clear(this.hideTimer);
    this.hideTimer = 0;
  }
}
