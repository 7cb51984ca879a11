/** User knowledge: import validation (entry, field, reason), merge, export, and the merged index. */
import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/knowledge/compile';
import { readKnowledgeDir, ENTRIES_DIR } from '../../src/knowledge/load';
import type { Entry } from '../../src/knowledge/schema';
import {
  compileMergedIndex,
  entriesForIndex,
  exportUserKnowledge,
  importUserKnowledge,
  indexFingerprint,
  mergeEntries,
  migrateLegacyEntries,
  pickIndex,
} from '../../src/knowledge/user';
import { createMatcher, match } from '../../src/core/matcher';
import { fixtureEntries } from './fixture-index';

const TODAY = '2026-08-01';
const src = { url: 'https://example.org/notes', title: 'My notes', published: '2026-05-01', retrieved: '2026-06-01' };
function entry(id: string, name: string, aliases: Entry['aliases'], extra: Partial<Entry> = {}): Entry {
  return {
    id,
    name,
    vendor: 'Acme',
    kind: 'model',
    summary: `${name}, from my notes.`,
    aliases,
    lifecycle: { value: 'ga', source: src, status: 'reported', asOf: '2026-06-01' },
    reviewed: '2026-06-01',
    ...extra,
  };
}
const bundledById = Object.fromEntries(fixtureEntries.map((e) => [e.id, e]));
const bundledIds = new Set(Object.keys(bundledById));
const file = (entries: unknown[]) => JSON.stringify({ entries });

describe('importUserKnowledge', () => {
  it('accepts a valid file and reports what it added and replaced', () => {
    const a = entry('acme/zephyr-7', 'Zephyr-7', ['Zephyr-7', 'zephyr-7b']);
    const r = importUserKnowledge(file([a]), [], bundledIds, TODAY);
    expect(r).toMatchObject({ ok: true, added: 1, replaced: 0, issues: [] });
    expect(r.entries).toEqual([a]);
    const b = { ...a, summary: 'Corrected.' };
    const r2 = importUserKnowledge(file([b, entry('acme/other', 'Other', ['Acme Other'])]), r.entries, bundledIds, TODAY);
    expect(r2).toMatchObject({ ok: true, added: 1, replaced: 1 });
    expect(r2.entries.map((e) => e.summary)).toEqual(['Corrected.', 'Other, from my notes.']);
  });

  it('names entry, field and reason for each problem and keeps the old entries', () => {
    const old = [entry('acme/old', 'Old', ['Acme Old'])];
    const bad = { ...entry('acme/bad', 'Bad', ['Acme Bad']), kind: 'robot', summary: '' };
    const r = importUserKnowledge(file([bad]), old, bundledIds, TODAY);
    expect(r.ok).toBe(false);
    expect(r.entries).toBe(old);
    const fields = r.issues.map((i) => `${i.id}: ${i.path}`);
    expect(fields).toContain('acme/bad: kind');
    expect(fields).toContain('acme/bad: summary');
    expect(r.issues.find((i) => i.path === 'kind')!.reason).toMatch(/must be one of/);
  });

  it('rejects JSON that does not parse, the wrong shape, duplicates and dangling links', () => {
    expect(importUserKnowledge('{ "entries": [', [], bundledIds, TODAY).issues[0]).toMatchObject({ id: '-', path: '(file)' });
    expect(importUserKnowledge('[]', [], bundledIds, TODAY).issues[0]).toMatchObject({ path: 'entries' });
    const a = entry('acme/a', 'A', ['Acme A']);
    expect(importUserKnowledge(file([a, a]), [], bundledIds, TODAY).issues[0]).toMatchObject({ id: 'acme/a', path: 'id' });
    const dangling = entry('acme/b', 'B', ['Acme B'], { family: 'acme/nope' });
    expect(importUserKnowledge(file([dangling]), [], bundledIds, TODAY).issues[0]).toMatchObject({ id: 'acme/b', path: 'family' });
    // A link to a bundled entry is fine.
    const linked = entry('acme/c', 'C', ['Acme C'], { related: ['openai/gpt-5'] });
    expect(importUserKnowledge(file([linked]), [], bundledIds, TODAY).ok).toBe(true);
    // A fact dated after today is an error, as in the bundled knowledge.
    const future = entry('acme/d', 'D', ['Acme D'], { lifecycle: { value: 'ga', source: src, status: 'reported', asOf: '2027-01-01' } });
    expect(importUserKnowledge(file([future]), [], bundledIds, TODAY).issues[0]).toMatchObject({ id: 'acme/d', path: 'lifecycle.asOf' });
  });

  it('keeps hostile strings as data (rendering is text-only; see the e2e test)', () => {
    const evil = entry('acme/evil', '<img src=x onerror=alert(1)>', ['Evilmodel-9'], { summary: '<script>alert(1)</script>' });
    const r = importUserKnowledge(file([evil]), [], bundledIds, TODAY);
    expect(r.ok).toBe(true);
    expect(r.entries[0].name).toBe('<img src=x onerror=alert(1)>');
  });

  it('accepts only http(s) source links (they become links on the card)', () => {
    const js = entry('acme/js', 'JS', ['Acme JS'], { facts: [{ value: 'x', source: { ...src, url: 'javascript:alert(1)' }, status: 'reported', asOf: '2026-06-01' }] });
    const r = importUserKnowledge(file([js]), [], bundledIds, TODAY);
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([{ file: 'import', id: 'acme/js', path: 'facts.0.source.url', reason: 'must be an http(s) URL' }]);
  });

  it('migrates a file in the earlier format (source date → retrieved, reviewed from the newest source)', () => {
    const old = {
      id: 'acme/legacy',
      name: 'Legacy',
      vendor: 'Acme',
      kind: 'model',
      summary: 'Written before published/retrieved.',
      aliases: ['Acme Legacy'],
      lifecycle: { value: 'ga', source: { url: 'https://example.org/a', title: 'A', date: '2026-05-01' }, status: 'reported', asOf: '2026-05-01' },
      facts: [{ value: 'It exists.', source: { url: 'https://example.org/b', title: 'B', date: '2026-06-03' }, status: 'reported', asOf: '2026-06-03' }],
    };
    const r = importUserKnowledge(file([old]), [], bundledIds, TODAY);
    expect(r).toMatchObject({ ok: true, added: 1, migrated: 2 });
    expect(r.entries[0].lifecycle!.source).toEqual({ url: 'https://example.org/a', title: 'A', retrieved: '2026-05-01' });
    expect(r.entries[0].reviewed).toBe('2026-06-03');
    // Exported again, it is in the current format.
    expect(exportUserKnowledge(r.entries)).not.toMatch(/"date"/);
  });

  it('refuses an earlier-format month-only date clearly and keeps the previous entries', () => {
    const prev = [entry('acme/old', 'Old', ['Acme Old'])];
    const old = { ...entry('acme/m', 'M', ['Acme M']), lifecycle: { value: 'ga', source: { url: 'https://example.org/a', title: 'A', date: '2026-05' }, status: 'reported', asOf: '2026-05-01' } };
    delete (old as { reviewed?: string }).reviewed;
    const r = importUserKnowledge(file([old]), prev, bundledIds, TODAY);
    expect(r.ok).toBe(false);
    expect(r.entries).toBe(prev);
    expect(r.issues).toEqual([
      {
        file: 'import',
        id: 'acme/m',
        path: 'lifecycle.source.date',
        reason: 'earlier format with a month only ("2026-05"): give "retrieved" (the day you read the page, YYYY-MM-DD) and, if the page has one, "published"',
      },
    ]);
  });

  it('stored entries of the earlier format are converted; a month-only date was read by the import day', () => {
    const stored = [
      {
        ...entry('acme/s', 'S', ['Acme S']),
        reviewed: undefined,
        lifecycle: { value: 'ga', source: { url: 'https://example.org/a', title: 'A', date: '2026-05' }, status: 'reported', asOf: '2026-05-01' },
        facts: [{ value: 'x', source: { url: 'https://example.org/b', title: 'B', date: '2026-04-02' }, status: 'reported', asOf: '2026-04-02' }],
      },
    ];
    const r = migrateLegacyEntries('stored', stored, '2026-06-20');
    expect(r.migrated).toBe(2);
    expect(r.issues).toEqual([]);
    const [e] = r.entries as Entry[];
    expect(e.lifecycle!.source).toEqual({ url: 'https://example.org/a', title: 'A', published: '2026-05', retrieved: '2026-06-20' });
    expect(e.facts![0].source).toEqual({ url: 'https://example.org/b', title: 'B', retrieved: '2026-04-02' });
    expect(e.reviewed).toBe('2026-06-20');
    // Current-format entries come back as they were.
    const current = [entry('acme/t', 'T', ['Acme T'])];
    expect(migrateLegacyEntries('stored', current, '2026-06-20')).toEqual({ entries: current, migrated: 0, issues: [] });
  });

  it('an entry may make no lifecycle claim; a lifecycle needs a source that was read', () => {
    const noLifecycle = { ...entry('acme/n', 'N', ['Acme N']), lifecycle: undefined };
    expect(importUserKnowledge(file([noLifecycle]), [], bundledIds, TODAY).ok).toBe(true);
    const unread = entry('acme/u', 'U', ['Acme U'], { lifecycle: { value: 'ga', source: { url: 'https://example.org/a', title: 'A' } as never, status: 'reported', asOf: '2026-06-01' } });
    expect(importUserKnowledge(file([unread]), [], bundledIds, TODAY).issues[0]).toMatchObject({ id: 'acme/u', path: 'lifecycle.source.retrieved' });
  });

  it('refuses oversized files', () => {
    expect(importUserKnowledge(' '.repeat(1_000_001), [], bundledIds, TODAY).ok).toBe(false);
  });
});

describe('export', () => {
  it('round-trips through import in the bundled file format', () => {
    const list = [entry('acme/x', 'X', ['Acme X']), entry('acme/y', 'Y', [{ text: 'Ypsilon', context: true }])];
    const text = exportUserKnowledge(list);
    expect(JSON.parse(text)).toEqual({ entries: list });
    expect(importUserKnowledge(text, [], bundledIds, TODAY).entries).toEqual(list);
  });
});

describe('merged index', () => {
  it('a user entry makes a new term match, and a user alias beats a bundled one', () => {
    const user = [entry('acme/zephyr-7', 'Zephyr-7', ['Zephyr-7']), entry('acme/my-gpt', 'My GPT-5', ['GPT-5'])];
    const m = createMatcher(compileMergedIndex(bundledById, user));
    const ids = match('Zephyr-7 beats GPT-5 and GPT-5.4 mini.', m).map((x) => x.entityId);
    expect(ids).toEqual(['acme/zephyr-7', 'acme/my-gpt', 'openai/gpt-5.4-mini']);
  });

  it('an override replaces the bundled entry and keeps its aliases only if the user lists them', () => {
    const over = { ...bundledById['openai/o3'], summary: 'My correction.', aliases: ['o3', 'OpenAI o3'] };
    const list = entriesForIndex(bundledById, [over]);
    expect(list.filter((e) => e.id === 'openai/o3')).toEqual([over]);
    expect(mergeEntries(bundledById, [over])['openai/o3'].summary).toBe('My correction.');
  });

  it('the runtime fingerprint of the bundled knowledge equals the build-time one', () => {
    const { entries } = readKnowledgeDir(ENTRIES_DIR);
    const build = compileIndex(entries);
    const runtime = compileIndex(Object.values(JSON.parse(JSON.stringify(Object.fromEntries(entries.map((e) => [e.id, e]))))));
    expect(indexFingerprint(runtime)).toBe(indexFingerprint(build));
  });

  it('the page uses a stored index only when it was built on the same bundled index', () => {
    const bundled = compileIndex(fixtureEntries);
    const merged = compileMergedIndex(bundledById, [entry('acme/z', 'Z', ['Zed-1'])]);
    expect(pickIndex(bundled, null, indexFingerprint(bundled))).toBe(bundled);
    expect(pickIndex(bundled, { base: indexFingerprint(bundled), index: merged }, indexFingerprint(bundled))).toBe(merged);
    expect(pickIndex(bundled, { base: 'other-build', index: merged }, indexFingerprint(bundled))).toBe(bundled);
    // A bundled index without its build-time fingerprint never takes a stored one.
    expect(pickIndex(bundled, { base: '', index: merged }, '')).toBe(bundled);
  });
});
