/** The lifecycle computed for a day from a dated timeline; freshness; the card's words for it. */
import { describe, expect, it } from 'vitest';
import { daysBefore, knowledgeAsOf, snapshotsOn, staleSince, stateOn } from '../../src/core/lifecycle';
import { snapshotLines, staleNote, statusLine } from '../../src/core/status';
import { timelineNote } from '../../src/core/timeline';
import type { Entry, TimelineEvent } from '../../src/knowledge/schema';

const src = { url: 'https://example.com/deprecations', title: 'Deprecations — Acme', published: '2026-06-11', retrieved: '2026-11-30' };
const ev = (stage: TimelineEvent['stage'], date: string, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({ stage, date, source: src, ...extra });
const model = (timeline: TimelineEvent[], extra: Partial<Entry> = {}): Entry => ({
  id: 'acme/rocket-1',
  name: 'Rocket 1',
  vendor: 'Acme',
  kind: 'model',
  summary: 's',
  aliases: [],
  timeline,
  released: { value: '2026-01-05', source: src, status: 'confirmed', asOf: '2026-01-05' },
  reviewed: '2026-11-30',
  ...extra,
});

const scheduled = model([ev('preview', '2025-11-01'), ev('ga', '2026-01-05'), ev('deprecated', '2026-06-11', { shutdown: '2026-12-11' })]);

describe('state on a day', () => {
  it('a scheduled shutdown takes effect on its day without new data', () => {
    expect(stateOn(scheduled, '2026-12-10')).toMatchObject({ value: 'deprecated', shutdown: '2026-12-11' });
    expect(stateOn(scheduled, '2026-12-11')).toMatchObject({ value: 'retired', since: '2026-12-11', scheduled: true });
    expect(stateOn(scheduled, '2026-12-12')).toMatchObject({ value: 'retired', since: '2026-12-11', scheduled: true });
    expect(statusLine(scheduled, '2026-12-12')).toBe('Retired 11 Dec 2026 (scheduled shutdown)');
    expect(statusLine(scheduled, '2026-12-10')).toBe('Deprecated — shuts down 11 Dec 2026');
  });

  it('walks the stages in order, and knows nothing before the first event', () => {
    expect(stateOn(scheduled, '2025-10-31')).toBeNull();
    expect(stateOn(scheduled, '2025-11-01')).toMatchObject({ value: 'preview', since: '2025-11-01' });
    expect(stateOn(scheduled, '2026-03-01')).toMatchObject({ value: 'ga', since: '2026-01-05' });
    expect(statusLine(scheduled, '2026-03-01')).toBe('Released 5 Jan 2026');
    expect(statusLine(scheduled, '2025-12-01')).toBe('Preview since 1 Nov 2025');
  });

  it('a retirement event: "Retired ‹date›"', () => {
    const retired = model([ev('ga', '2024-06-20'), ev('deprecated', '2025-08-13', { shutdown: '2025-10-22' }), ev('retired', '2025-10-22')]);
    expect(statusLine(retired, '2026-11-30')).toBe('Retired 22 Oct 2025');
    expect(stateOn(retired, '2026-11-30')).toMatchObject({ value: 'retired', since: '2025-10-22' });
    expect(stateOn(retired, '2026-11-30')!.scheduled).toBeUndefined();
  });

  it('a month-only date counts from the first of the month', () => {
    expect(stateOn(model([ev('ga', '2025-03')]), '2025-03-01')).toMatchObject({ value: 'ga' });
    expect(stateOn(model([ev('ga', '2025-03')]), '2025-02-28')).toBeNull();
  });

  it('snapshot events concern the snapshot, not the model', () => {
    const e = model([
      ev('ga', '2023-03-14'),
      ev('deprecated', '2025-06-06', { snapshot: 'rocket-1-0613', shutdown: '2026-10-23' }),
      ev('retired', '2026-10-23', { snapshot: 'rocket-1-0301' }),
    ]);
    expect(stateOn(e, '2026-11-30')).toMatchObject({ value: 'ga' });
    expect(snapshotsOn(e, '2026-11-30').map((s) => [s.snapshot, s.value])).toEqual([
      ['rocket-1-0613', 'retired'],
      ['rocket-1-0301', 'retired'],
    ]);
    expect(snapshotLines(e, '2026-11-30')).toEqual([
      'Snapshot rocket-1-0613: Retired 23 Oct 2026 (scheduled shutdown)',
      'Snapshot rocket-1-0301: Retired 23 Oct 2026',
    ]);
    expect(snapshotLines(e, '2026-10-01')).toEqual(['Snapshot rocket-1-0613: Deprecated — shuts down 23 Oct 2026']);
  });

  it('without a timeline: the lifecycle fact; without either: no status claim, only the release date', () => {
    const lc = model([], { timeline: undefined, lifecycle: { value: 'ga', source: src, status: 'confirmed', asOf: '2026-06-11' } });
    expect(stateOn(lc, '2026-11-30')).toMatchObject({ value: 'ga', from: 'lifecycle' });
    const bare = model([], { timeline: undefined });
    expect(stateOn(bare, '2026-11-30')).toBeNull();
    expect(statusLine(bare, '2026-11-30')).toBe('Released 5 Jan 2026');
    expect(statusLine({ ...bare, released: undefined }, '2026-11-30')).toBe('No status on record');
  });
});

describe('freshness', () => {
  it('a non-final state reviewed more than 120 days ago may have changed', () => {
    const e = model([ev('ga', '2026-01-05')], { reviewed: '2026-07-02' });
    expect(daysBefore('2026-11-30', 120)).toBe('2026-08-02');
    expect(staleSince(e, '2026-11-30')).toBe('2026-07-02');
    expect(staleNote(e, '2026-11-30')).toBe('as of 2 Jul 2026 — may have changed');
    // 120 days exactly is not yet stale.
    expect(staleSince(e, '2026-10-30')).toBeNull();
    expect(staleSince({ ...e, reviewed: '2026-08-02' }, '2026-11-30')).toBeNull();
  });

  it('final states do not go stale; neither does an entry that makes no claim', () => {
    const retired = model([ev('ga', '2024-01-01'), ev('retired', '2025-01-01')], { reviewed: '2025-02-01' });
    expect(staleSince(retired, '2026-11-30')).toBeNull();
    const bygone = model([ev('deprecated', '2025-01-01', { shutdown: '2025-06-01' })], { reviewed: '2025-02-01' });
    expect(staleSince(bygone, '2026-11-30')).toBeNull();
    expect(staleSince(model([], { timeline: undefined, reviewed: '2025-01-01' }), '2026-11-30')).toBeNull();
  });

  it('"Knowledge as of" is the newest review', () => {
    expect(knowledgeAsOf([{ reviewed: '2026-07-02' }, { reviewed: '2026-11-30' }, { reviewed: '2026-11-25' }])).toBe('2026-11-30');
    expect(knowledgeAsOf([])).toBeNull();
  });
});

describe('timeline note for the article date against today', () => {
  it('an article from before the shutdown, read after it', () => {
    expect(timelineNote(scheduled, '2026-03-01', '2026-12-12')).toBe('Since this page was published (1 Mar 2026), Rocket 1 has been retired (11 Dec 2026).');
  });
  it('an article from before the deprecation, read before the shutdown', () => {
    expect(timelineNote(scheduled, '2026-03-01', '2026-11-30')).toBe(
      'Since this page was published (1 Mar 2026), Rocket 1 has been deprecated; it shuts down on 11 Dec 2026.',
    );
  });
  it('an article written after the retirement', () => {
    expect(timelineNote(scheduled, '2026-12-20', '2026-12-21')).toBe('When this page was published (20 Dec 2026), Rocket 1 had already been retired (11 Dec 2026).');
  });
  it('an article from before the release still says so first', () => {
    expect(timelineNote(scheduled, '2025-12-01', '2026-12-12')).toMatch(/^When this page was published \(1 Dec 2025\), Rocket 1 was not yet released; it was released on 5 Jan 2026\./);
  });
  it('nothing to say when the state has not changed since', () => {
    expect(timelineNote(scheduled, '2026-07-01', '2026-11-30')).toBeNull();
  });
});

describe('dates of different precision', () => {
  it('a month-only date is compared at month precision', async () => {
    const { later } = await import('../../src/knowledge/check');
    expect(later('2023-03-14', '2023-03')).toBe(false);
    expect(later('2023-04-01', '2023-03')).toBe(true);
    expect(later('2023-03', '2023-03-01')).toBe(false);
    expect(later('2023-03-02', '2023-03-01')).toBe(true);
  });
});
