import { describe, expect, it } from 'vitest';
import { timelineNote } from '../../src/core/timeline';
import { statusLine, formatDate, formatTokens } from '../../src/core/status';
import type { Entry } from '../../src/knowledge/schema';

const src = { url: 'https://example.com', title: 'x', published: '2026-04-16', retrieved: '2026-07-02' };
const fact = <T,>(value: T, status: NonNullable<Entry['lifecycle']>['status'] = 'confirmed') => ({ value, source: src, status, asOf: '2026-07-02' });
const base: Entry = {
  id: 'anthropic/claude-opus-4-7',
  name: 'Claude Opus 4.7',
  vendor: 'Anthropic',
  kind: 'model',
  summary: 's',
  aliases: [],
  lifecycle: fact('ga' as const),
  released: fact('2026-04-16'),
  reviewed: '2026-07-02',
};
const TODAY = '2026-11-30';

describe('timeline note', () => {
  it('says a model was unreleased when the page was published', () => {
    expect(timelineNote(base, '2026-04-02', TODAY)).toBe(
      'When this page was published (2 Apr 2026), Claude Opus 4.7 was not yet released; it was released on 16 Apr 2026.',
    );
  });
  it('is silent when the page came after the release or has no date', () => {
    expect(timelineNote(base, '2026-05-01', TODAY)).toBeNull();
    expect(timelineNote(base, null, TODAY)).toBeNull();
  });
  it('speaks of announcements for codenames', () => {
    const e: Entry = { ...base, name: 'Mythos', lifecycle: fact('codename' as const), released: undefined, announced: fact('2026-04-07') };
    expect(timelineNote(e, '2026-03-30', TODAY)).toMatch(/had not been announced; it was announced on 7 Apr 2026/);
  });
});

describe('status words', () => {
  it('formats dates and token counts', () => {
    expect(formatDate('2026-04-16')).toBe('16 Apr 2026');
    expect(formatDate('2025-05')).toBe('May 2025');
    expect(formatTokens(1_000_000)).toBe('1M');
    expect(formatTokens(200_000)).toBe('200K');
    expect(formatTokens(1_050_000)).toBe('1.05M');
    // Binary units where the count is one (how 128K and 1M context windows are quoted).
    expect(formatTokens(131_072)).toBe('128K');
    expect(formatTokens(32_768)).toBe('32K');
    expect(formatTokens(8192)).toBe('8K');
    expect(formatTokens(1_024_000)).toBe('1.02M');
    expect(formatTokens(1_048_576)).toBe('1M');
    expect(formatTokens(2_097_152)).toBe('2M');
    expect(formatTokens(400_000)).toBe('400K');
    expect(formatTokens(64_000)).toBe('64K');
    expect(formatTokens(1000)).toBe('1K');
  });
  it('describes each lifecycle', () => {
    expect(statusLine(base, TODAY)).toBe('Released 16 Apr 2026');
    expect(statusLine({ ...base, lifecycle: fact('never-shipped' as const, 'never-shipped'), released: undefined }, TODAY)).toBe('Never shipped (as of 2 Jul 2026)');
    expect(statusLine({ ...base, lifecycle: fact('codename' as const, 'disputed'), released: undefined }, TODAY)).toBe('Codename — attribution disputed');
    const reportedCodename = { ...base, lifecycle: fact('codename' as const, 'reported'), released: undefined };
    expect(statusLine(reportedCodename, TODAY)).toBe('Codename');
    expect(statusLine({ ...reportedCodename, facts: [fact('Some say it is X', 'disputed')] }, TODAY)).toBe('Codename — attribution disputed');
    expect(statusLine({ ...base, lifecycle: fact('codename' as const, 'rumored'), released: undefined }, TODAY)).toBe('Codename — meaning unconfirmed');
    expect(statusLine({ ...base, lifecycle: fact('announced' as const), released: undefined, announced: fact('2026-04-07') }, TODAY)).toBe(
      'Announced 7 Apr 2026, not released as of 2 Jul 2026',
    );
  });
});
