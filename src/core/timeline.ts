/**
 * Timeline context: what changed between the day a page was published and the reader's today.
 * Pure, so the wording is unit-tested. Returns null when the publish date does not change the story.
 */
import type { Entry } from '../knowledge/schema';
import { dayOf, modelEvents, stateOn } from './lifecycle';
import { formatDate } from './status';
import { en, type Tr } from './words';

export function timelineNote(e: Entry, pageDate: string | null, today: string, tr: Tr = en): string | null {
  if (!pageDate) return null;
  const p = dayOf(pageDate);
  const base = { page: formatDate(p), name: e.name };
  const released = e.released?.value;
  const announced = e.announced?.value;
  const lc = e.lifecycle?.value;
  const notAnnounced = () =>
    announced && p < dayOf(announced) ? tr('tlNotAnnounced', { ...base, date: formatDate(announced) }) : null;
  if (lc === 'never-shipped' || lc === 'codename' || lc === 'occurred') return notAnnounced();
  if (released && p < dayOf(released)) {
    const key = lc === 'limited' ? 'tlNotReleasedLimited' : lc === 'preview' ? 'tlNotReleasedPreview' : 'tlNotReleased';
    const sentence = tr(key, { ...base, date: formatDate(released) });
    return announced && dayOf(announced) <= p ? `${sentence} ${tr('tlAnnouncedBefore', { date: formatDate(announced) })}` : sentence;
  }
  if (modelEvents(e).length && p <= dayOf(today)) {
    // The state on the page's day against the state today, both from the timeline.
    const then = stateOn(e, p);
    const now = stateOn(e, today);
    if (then?.value === 'retired' && then.since) return tr('tlRetiredBefore', { ...base, date: formatDate(then.since) });
    if (now?.value === 'retired' && now.since) return tr('tlRetiredSince', { ...base, date: formatDate(now.since) });
    if (now?.value === 'deprecated' && then?.value !== 'deprecated')
      return now.shutdown
        ? tr('tlDeprecatedSince', { ...base, date: formatDate(now.shutdown) })
        : tr('tlDeprecatedSinceNoDate', { ...base, date: formatDate(now.since!) });
  }
  return released ? null : notAnnounced();
}
