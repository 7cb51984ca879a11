/** Settings that work per mention: muted wordings, and "first mention only" per entity. */
import { aliasFilter } from '../../settings/apply';
import type { Mention } from '../mentions';
import type { PageSession } from '../session';

/** Drop the mentions the settings hide; run whenever the set of mentions changes. */
function prune(session: PageSession): void {
  const { settings } = session;
  const keepAlias = aliasFilter(settings);
  const first = new Map<string, Mention>();
  if (settings.firstMentionOnly) for (const m of session.mentions()) if (!first.has(m.entityId)) first.set(m.entityId, m);
  if (settings.firstMentionOnly || settings.mutedTerms.length)
    session.scanner.drop((m) => !keepAlias(m.match.alias) || (settings.firstMentionOnly && first.get(m.entityId) !== m));
}

export function initFirstMention(session: PageSession, signal: AbortSignal): void {
  session.on('mentions', () => {
    if (!signal.aborted) prune(session);
  });
}
