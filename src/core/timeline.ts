/**
 * Timeline context: what changed between the day a page was published and now. Pure, so the
 * wording is unit-tested. Returns null when the publish date does not change the story.
 */
import type { Entry } from '../knowledge/schema';
import { formatDate } from './status';
import { en, type Tr } from './words';

/** Dates compare as strings once both are YYYY-MM-DD; a month-only date counts as its first day. */
const day = (d: string) => (d.length === 7 ? `${d}-01` : d.slice(0, 10));

export function timelineNote(e: Entry, pageDate: string | null, tr: Tr = en): string | null {
  if (!pageDate) return null;
  const p = day(pageDate);
  const base = { page: formatDate(p), name: e.name };
  const released = e.released?.value;
  const announced = e.announced?.value;
  const lc = e.lifecycle.value;
  const notAnnounced = () =>
    announced && p < day(announced) ? tr('tlNotAnnounced', { ...base, date: formatDate(announced) }) : null;
  if (lc === 'never-shipped' || lc === 'codename' || lc === 'occurred') return notAnnounced();
  if (released && p < day(released)) {
    const key = lc === 'limited' ? 'tlNotReleasedLimited' : lc === 'preview' ? 'tlNotReleasedPreview' : 'tlNotReleased';
    const sentence = tr(key, { ...base, date: formatDate(released) });
    return announced && day(announced) <= p ? `${sentence} ${tr('tlAnnouncedBefore', { date: formatDate(announced) })}` : sentence;
  }
  return released ? null : notAnnounced();
}
