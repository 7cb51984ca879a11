/**
 * Highlighting: CSS Custom Highlights, or where the API is missing the reversible wrapping
 * fallback; and the highlight style setting, followed live.
 */
import { createStyleSwitch } from '../highlight-style';
import { createHighlighter, supportsHighlights, type Highlighter } from '../highlighter';
import { Mention } from '../mentions';
import type { PageSession } from '../session';
import { createWrapHighlighter } from '../wrap-highlighter';

/** The highlighter for this page (before the session: its scanner paints with it). */
export function chooseHighlighter(doc: Document): Highlighter {
  if (supportsHighlights()) return createHighlighter();
  const wrap = createWrapHighlighter(doc);
  Mention.relocate = (r) => wrap.relocate(r);
  return wrap;
}

export function initHighlightStyle(session: PageSession, signal: AbortSignal): void {
  // Style names are CSS.highlights names; the wrapping fallback has one style.
  const style = supportsHighlights() ? createStyleSwitch() : { set() {}, clear() {} };
  style.set(session.settings.style);
  session.on('settings', () => style.set(session.settings.style));
  signal.addEventListener('abort', () => style.clear());
}
