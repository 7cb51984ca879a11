/**
 * Timeline context: what changed between the day a page was published and now. Pure, so the
 * wording is unit-tested. Returns null when the publish date does not change the story.
 */
import type { Entry } from '../knowledge/schema';
import { formatDate } from './status';

/** Dates compare as strings once both are YYYY-MM-DD; a month-only date counts as its first day. */
const day = (d: string) => (d.length === 7 ? `${d}-01` : d.slice(0, 10));

export function timelineNote(e: Entry, pageDate: string | null): string | null {
  if (!pageDate) return null;
  const p = day(pageDate);
  const when = `When this page was published (${formatDate(p)})`;
  const released = e.released?.value;
  const announced = e.announced?.value;
  const lc = e.lifecycle.value;
  if (lc === 'never-shipped' || lc === 'codename' || lc === 'occurred') {
    if (announced && p < day(announced)) return `${when}, ${e.name} had not been announced; it was announced on ${formatDate(announced)}.`;
    return null;
  }
  if (released && p < day(released)) {
    const ann = announced && day(announced) <= p ? ` It had been announced on ${formatDate(announced)}.` : '';
    const verb = lc === 'limited' ? 'released to a limited group' : lc === 'preview' ? 'released as a preview' : 'released';
    return `${when}, ${e.name} was not yet released; it was ${verb} on ${formatDate(released)}.${ann}`;
  }
  if (!released && announced && p < day(announced))
    return `${when}, ${e.name} had not been announced; it was announced on ${formatDate(announced)}.`;
  return null;
}
