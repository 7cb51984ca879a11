/**
 * Lifecycle computed for a day. An entry's timeline holds dated transitions (announced → preview →
 * GA → deprecated with its shutdown day → retired); the state on any day follows from it without
 * new data: on 12 Dec 2026 a model whose shutdown was scheduled for 11 Dec 2026 is retired.
 * Events naming a `snapshot` concern one dated API snapshot, not the model. Pure.
 */
import type { Entry, Lifecycle, Stage, TimelineEvent } from '../knowledge/schema';

/** Dates compare as strings once both are YYYY-MM-DD; a month-only date counts as its first day. */
export const dayOf = (d: string): string => (d.length === 7 ? `${d}-01` : d.slice(0, 10));

/** States after which nothing changes any more. */
const FINAL_STATES: ReadonlySet<Lifecycle> = new Set(['retired', 'never-shipped', 'codename', 'occurred']);

/** Days after `reviewed` when a non-final state is shown as possibly out of date. */
export const STALE_AFTER_DAYS = 120;

const STAGE_ORDER: Record<Stage, number> = { announced: 0, preview: 1, limited: 2, ga: 3, deprecated: 4, retired: 5 };

export interface DayState {
  value: Lifecycle;
  /** The day the state began, when the timeline says (for retired-by-schedule: the shutdown day). */
  since?: string;
  /** Deprecated: the announced shutdown day. */
  shutdown?: string;
  /** Retired because the announced shutdown day has passed, not by a retirement event. */
  scheduled?: boolean;
  /** Where the state comes from: the dated timeline, or the entry's lifecycle fact (as of its review). */
  from: 'timeline' | 'lifecycle';
  /** The timeline event that set the state (its source is the status's source). */
  event?: TimelineEvent;
}

/** The state a chain of events gives on `day`, or null when none of them had happened yet. */
function stateFromEvents(events: readonly TimelineEvent[], day: string): DayState | null {
  const d = dayOf(day);
  let last: TimelineEvent | undefined;
  for (const ev of events) {
    if (dayOf(ev.date) > d) continue;
    if (!last || dayOf(ev.date) > dayOf(last.date) || (ev.date === last.date && STAGE_ORDER[ev.stage] >= STAGE_ORDER[last.stage]))
      last = ev;
  }
  if (!last) return null;
  if (last.stage === 'deprecated') {
    if (last.shutdown && dayOf(last.shutdown) <= d)
      return { value: 'retired', since: last.shutdown, scheduled: true, from: 'timeline', event: last };
    return { value: 'deprecated', since: last.date, shutdown: last.shutdown, from: 'timeline', event: last };
  }
  return { value: last.stage, since: last.date, from: 'timeline', event: last };
}

/** Events about the model as a whole (not one API snapshot). */
export function modelEvents(e: Entry): TimelineEvent[] {
  return (e.timeline ?? []).filter((ev) => ev.snapshot === undefined);
}

/**
 * The model's state on `day`. From the timeline when it has model events: null before the first
 * of them. Without model events, the lifecycle fact (the state as of the entry's review); null
 * when the entry makes no lifecycle claim.
 */
export function stateOn(e: Entry, day: string): DayState | null {
  const events = modelEvents(e);
  if (events.length) return stateFromEvents(events, day);
  return e.lifecycle ? { value: e.lifecycle.value, from: 'lifecycle' } : null;
}

export interface SnapshotState extends DayState {
  snapshot: string;
}

/** Each dated API snapshot the timeline names, with its state on `day` (those that existed by then). */
export function snapshotsOn(e: Entry, day: string): SnapshotState[] {
  const names = [...new Set((e.timeline ?? []).flatMap((ev) => (ev.snapshot ? [ev.snapshot] : [])))];
  const out: SnapshotState[] = [];
  for (const snapshot of names) {
    const s = stateFromEvents((e.timeline ?? []).filter((ev) => ev.snapshot === snapshot), day);
    if (s) out.push({ ...s, snapshot });
  }
  return out;
}

/** `day` minus `n` days, YYYY-MM-DD (UTC calendar arithmetic). */
export function daysBefore(day: string, n: number): string {
  const t = Date.parse(`${dayOf(day)}T00:00:00Z`) - n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The day to say "as of" for a state that may have changed since: the entry's review day, when the
 * state on `today` is not final and the review is more than STALE_AFTER_DAYS before `today`.
 */
export function staleSince(e: Entry, today: string): string | null {
  const s = stateOn(e, today);
  if (!s || FINAL_STATES.has(s.value)) return null;
  return e.reviewed < daysBefore(today, STALE_AFTER_DAYS) ? e.reviewed : null;
}

/** The newest review day of a set of entries: how current the knowledge is. */
export function knowledgeAsOf(entries: Iterable<Pick<Entry, 'reviewed'>>): string | null {
  let max: string | null = null;
  for (const e of entries) if (!max || e.reviewed > max) max = e.reviewed;
  return max;
}

/** The calendar day of `d` in the reader's own time zone, YYYY-MM-DD. */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
