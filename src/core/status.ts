/** Words for an entry's standing, as the card shows them. Pure, so the wording is unit-tested. */
import type { Entry } from '../knowledge/schema';
import { en, type CardWord, type Tr } from './words';
import { snapshotsOn, staleSince, stateOn } from './lifecycle';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-04-16" → "16 Apr 2026"; "2025-05" → "May 2025". */
export function formatDate(d: string): string {
  const [y, m, day] = d.split('-');
  const month = MONTHS[Number(m) - 1] ?? m;
  return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
}

/**
 * Token counts as vendors write them: "200000" → "200K", "1000000" → "1M", and powers of two in
 * binary units, as context windows are quoted ("131072" → "128K", "1048576" → "1M").
 */
export function formatTokens(n: number): string {
  if (n >= 1 << 20 && n % (1 << 20) === 0) return `${n / (1 << 20)}M`;
  if (n >= 1 << 12 && n % (1 << 10) === 0 && n < 1000 << 10) return `${n / (1 << 10)}K`;
  if (n >= 1_000_000) return `${+(n / 1_000_000).toFixed(2)}M`;
  if (n >= 1_000) return `${+(n / 1_000).toFixed(1)}K`;
  return String(n);
}

/**
 * The status line for `day` (the reader's today, YYYY-MM-DD): computed from the timeline when the
 * entry has one, else from its lifecycle fact; an entry without either makes no status claim and
 * shows only its release (or announcement) date.
 */
export function statusLine(e: Entry, day: string, tr: Tr = en): string {
  const s = stateOn(e, day);
  const rel = e.released?.value;
  const ann = e.announced?.value;
  const on = (d: string) => ({ date: formatDate(d) });
  if (!s) return rel ? tr('released', on(rel)) : ann ? tr('announcedDate', on(ann)) : tr('noStatus');
  // "Not released as of": the day the lifecycle was last checked.
  const asOf = formatDate(s.from === 'lifecycle' && e.lifecycle ? e.lifecycle.asOf : e.reviewed);
  switch (s.value) {
    case 'ga':
      return rel ? tr('released', on(rel)) : s.since ? tr('released', on(s.since)) : tr('ga');
    case 'preview':
      return s.since || rel ? tr('previewSince', on((s.since ?? rel)!)) : tr('preview');
    case 'limited':
      return s.since || rel || ann ? tr('limitedSince', on((s.since ?? rel ?? ann)!)) : tr('limited');
    case 'announced':
      return s.since || ann ? tr('announcedOn', { ...on((s.since ?? ann)!), asOf }) : tr('announced', { asOf });
    case 'deprecated':
      if (s.shutdown) return tr('deprecatedShutdown', on(s.shutdown));
      if (s.since) return tr('deprecatedOn', on(s.since));
      return rel ? tr('deprecatedSince', on(rel)) : tr('deprecated');
    case 'retired':
      if (s.scheduled && s.since) return tr('retiredScheduled', on(s.since));
      if (s.since) return tr('retiredOn', on(s.since));
      return rel ? tr('retiredSince', on(rel)) : tr('retired');
    case 'never-shipped':
      return tr('neverShipped', { asOf });
    case 'codename':
      if (e.lifecycle?.status === 'disputed' || e.facts?.some((f) => f.status === 'disputed')) return tr('codenameDisputed');
      return e.lifecycle?.status === 'rumored' ? tr('codenameRumored') : tr('codename');
    case 'occurred':
      return rel || ann ? tr('eventOn', on((rel ?? ann)!)) : tr('event');
  }
}

/** One line per dated API snapshot the timeline names: "gpt-4-0613: Retired 23 Oct 2026". */
export function snapshotLines(e: Entry, day: string, tr: Tr = en): string[] {
  return snapshotsOn(e, day).map((s) => {
    const on = (d: string) => ({ date: formatDate(d) });
    const status =
      s.value === 'retired'
        ? s.scheduled
          ? tr('retiredScheduled', on(s.since!))
          : tr('retiredOn', on(s.since!))
        : s.value === 'deprecated'
          ? s.shutdown
            ? tr('deprecatedShutdown', on(s.shutdown))
            : tr('deprecatedOn', on(s.since!))
          : s.value === 'ga'
            ? tr('released', on(s.since!))
            : s.value === 'preview'
              ? tr('previewSince', on(s.since!))
              : s.value === 'limited'
                ? tr('limitedSince', on(s.since!))
                : tr('announcedDate', on(s.since!));
    return tr('snapshotLine', { snapshot: s.snapshot, status });
  });
}

/** "as of 2 Jul 2026 — may have changed" when the state on `day` is not final and was last reviewed long before. */
export function staleNote(e: Entry, day: string, tr: Tr = en): string | null {
  const since = staleSince(e, day);
  return since ? tr('mayHaveChanged', { date: formatDate(since) }) : null;
}

const KIND_WORD: Record<Entry['kind'], CardWord> = {
  model: 'kindModel',
  family: 'kindFamily',
  codename: 'kindCodename',
  product: 'kindProduct',
  event: 'kindEvent',
};

export function kindLabel(kind: Entry['kind'], tr: Tr = en): string {
  return tr(KIND_WORD[kind]);
}

const STATUS_WORD: Record<string, CardWord> = {
  confirmed: 'stConfirmed',
  reported: 'stReported',
  disputed: 'stDisputed',
  rumored: 'stRumored',
  'never-shipped': 'stNeverShipped',
  retired: 'stRetired',
};

export function factStatusLabel(status: string, tr: Tr = en): string {
  const w = STATUS_WORD[status];
  return w ? tr(w) : status;
}
