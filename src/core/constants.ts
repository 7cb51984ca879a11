/** UX timings and limits, in one place. Each value says why it is what it is. */

/** Hover this long before the card shows: shorter fires on pointer fly-overs while reading. */
export const SHOW_DELAY_MS = 300;
/** Grace period after the pointer leaves term and card, so it can travel between them (WCAG 1.4.13). */
export const HIDE_DELAY_MS = 300;
/** Longest piece of scanning work before yielding to the page (a frame is 16 ms). */
export const SCAN_SLICE_MS = 5;
/** Mutations are collected this long before the touched subtrees are rescanned. */
export const MUTATION_DEBOUNCE_MS = 100;
/** After observing starts, custom elements without a shadow root are looked at again at these times (ms). */
export const UPGRADE_CHECKS_MS = [1000, 3000, 10_000];
/** Past this many touched subtrees in one batch a full rescan is cheaper than many small ones. */
export const FULL_RESCAN_THRESHOLD = 400;
/** Gap between the term and the card, px. */
export const CARD_OFFSET = 8;
/** Margin kept between the card and the viewport edge, px. */
export const VIEWPORT_PADDING = 8;
/**
 * Past this many highlighted ranges only those near the viewport are registered: every change to
 * any highlight (hovering a term included) makes Chrome rebuild the markers of all registered
 * ranges, about 4 µs each on the next frame (docs/performance.md). Below it, everything is
 * registered at once and scrolling changes nothing.
 */
export const HIGHLIGHT_WINDOW_FROM = 1500;
/** Back to registering everything below this many (hysteresis, so the mode does not flap). */
export const HIGHLIGHT_WINDOW_UNTIL = 1000;
/** "Near the viewport": this many viewport heights above and below it, and widths to either side. */
export const HIGHLIGHT_WINDOW_MARGIN = 2;
/** A finger that moves further than this (CSS px) between down and up is scrolling, not tapping. */
export const TAP_SLOP_PX = 10;
/** The click a tap makes follows within this time (ms); a first tap on a mention in a link holds it back. */
export const CLICK_AFTER_TAP_MS = 600;
/** How long the notice after a context-menu action ("… won't be highlighted — Undo") stays. */
export const TOAST_MS = 10_000;
