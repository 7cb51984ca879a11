/**
 * Live settings: the site switch, categories, muted terms, strictness and style apply to open
 * tabs; when the user imported or removed entries, the page matches with the new merged index.
 */
import type { CompiledIndex } from '../../core/index-format';
import { watchPageSetup } from '../../settings/page';
import type { PageSession } from '../session';

export function initLiveSettings(session: PageSession, bundled: CompiledIndex, signal: AbortSignal): void {
  const unwatch = watchPageSetup(bundled, (next) => {
    if (!signal.aborted) session.apply(next);
  });
  signal.addEventListener('abort', unwatch);
}
