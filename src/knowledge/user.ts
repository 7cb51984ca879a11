/**
 * The user's own knowledge: import (parse + validate + merge), export, and how user entries
 * combine with the bundled ones. Pure (no browser API): the options page, the background and the
 * knowledge browser all call it, and node tests cover it.
 *
 * Rules
 * - Same file format and schema as the bundled knowledge ({ "entries": [...] }).
 * - Every problem names the entry, the field and the reason; one problem rejects the whole import,
 *   so a failed import keeps the previous data untouched.
 * - An entry with a bundled id overrides the bundled entry (card, aliases); a new id extends.
 * - A user alias beats a bundled alias for the same text.
 * - Files in the earlier format (a source `date` instead of `published`/`retrieved`, no `reviewed`)
 *   are migrated on import: the date becomes `retrieved` (the day the note's source was read is
 *   all it says); a month-only date cannot be a reading day and is refused with a clear reason.
 */
import { crossCheck, type FileEntry } from './check.ts';
import type { CompiledIndex } from '../core/index-format.ts';
import { compileIndex } from './compile.ts';
import { validateFile, type Alias, type Entry, type EntryIssue } from './schema.ts';
import { aliasKey } from '../core/normalize.ts';
import { indexFingerprint, pickIndex } from './fingerprint.ts';
import { migrateLegacyEntries } from './legacy.ts';

export { migrateLegacyEntries };

export { indexFingerprint, pickIndex };

/** Import size limits: storage.local is small and the import is pasted or picked by hand. */
const MAX_IMPORT_BYTES = 1_000_000;
const MAX_USER_ENTRIES = 1000;

/** The file name issues are reported under. */
const IMPORT_FILE = 'import';

export interface ImportResult {
  ok: boolean;
  /** Sources converted from the earlier format (`date` → `retrieved`). */
  migrated?: number;
  /** The user entries after the import (the previous ones when !ok). */
  entries: Entry[];
  issues: EntryIssue[];
  added: number;
  replaced: number;
}

const LINK_PATH = /^(family|predecessor|successor|related\.\d+|aliases\.\d+\.shared\.prefer)$/;

function linkTarget(e: Entry, path: string): string | undefined {
  if (path === 'family' || path === 'predecessor' || path === 'successor') return e[path];
  const rel = /^related\.(\d+)$/.exec(path);
  if (rel) return e.related?.[Number(rel[1])];
  const al = /^aliases\.(\d+)\.shared\.prefer$/.exec(path);
  const a = al ? e.aliases[Number(al[1])] : undefined;
  return a && typeof a !== 'string' ? a.shared?.prefer : undefined;
}

/**
 * Validate user entries as a set: the bundled schema per entry, then the cross-entry checks among
 * the user entries themselves. Links may point at bundled entries; aliases may knowingly take over
 * bundled ones, so only clashes inside the user's own entries count.
 */
function checkUserEntries(file: string, data: unknown, bundledIds: ReadonlySet<string>, today?: string): { entries: Entry[]; issues: EntryIssue[] } {
  const r = validateFile(file, data);
  const items: FileEntry[] = r.entries.map((entry) => ({ file, entry }));
  const cross = crossCheck(items, { today }).filter((i) => {
    if (!LINK_PATH.test(i.path) || !/links to unknown entry/.test(i.reason)) return true;
    const e = items.find((it) => it.entry.id === i.id)?.entry;
    const target = e && linkTarget(e, i.path);
    return !(target && bundledIds.has(target));
  });
  // Source links become <a href> on the card: the schema accepts http(s) only, so a
  // "javascript:" link from a shared file never reaches it.
  return { entries: r.entries, issues: [...r.issues, ...cross] };
}

/**
 * Parse and validate an import, merged over the current user entries (same id: the import wins).
 * On any issue the current entries are returned unchanged.
 */
export function importUserKnowledge(text: string, current: Entry[], bundledIds: ReadonlySet<string>, today?: string): ImportResult {
  const fail = (issues: EntryIssue[]): ImportResult => ({ ok: false, entries: current, issues, added: 0, replaced: 0 });
  if (text.length > MAX_IMPORT_BYTES) return fail([{ file: IMPORT_FILE, id: '-', path: '(file)', reason: `larger than ${MAX_IMPORT_BYTES / 1e6} MB` }]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail([{ file: IMPORT_FILE, id: '-', path: '(file)', reason: `not valid JSON: ${(err as Error).message}` }]);
  }
  let migrated = 0;
  if (data && typeof data === 'object' && Array.isArray((data as { entries?: unknown }).entries)) {
    const m = migrateLegacyEntries(IMPORT_FILE, (data as { entries: unknown[] }).entries);
    if (m.issues.length) return fail(m.issues);
    migrated = m.migrated;
    data = { ...(data as object), entries: m.entries };
  }
  const incoming = validateFile(IMPORT_FILE, data);
  if (incoming.issues.length) return fail(incoming.issues);
  // Duplicates inside the import itself are an error, not "last one wins".
  const seen = new Set<string>();
  const dupes: EntryIssue[] = [];
  for (const e of incoming.entries) {
    if (seen.has(e.id)) dupes.push({ file: IMPORT_FILE, id: e.id, path: 'id', reason: 'duplicate id in this file' });
    seen.add(e.id);
  }
  if (dupes.length) return fail(dupes);
  const merged = mergeUserEntries(current, incoming.entries);
  const checked = checkUserEntries(IMPORT_FILE, { entries: merged }, bundledIds, today);
  if (checked.issues.length) return fail(checked.issues);
  if (merged.length > MAX_USER_ENTRIES) return fail([{ file: IMPORT_FILE, id: '-', path: 'entries', reason: `more than ${MAX_USER_ENTRIES} entries in all` }]);
  const currentIds = new Set(current.map((e) => e.id));
  const replaced = incoming.entries.filter((e) => currentIds.has(e.id)).length;
  return { ok: true, entries: merged, issues: [], added: incoming.entries.length - replaced, replaced, migrated };
}

/** Current entries with `incoming` laid over them by id; order: current order, then new ones. */
function mergeUserEntries(current: Entry[], incoming: Entry[]): Entry[] {
  const byId = new Map(incoming.map((e) => [e.id, e]));
  const out = current.map((e) => byId.get(e.id) ?? e);
  const have = new Set(current.map((e) => e.id));
  for (const e of incoming) if (!have.has(e.id)) out.push(e);
  return out;
}

/** The export file: the same format as the bundled knowledge files. */
export function exportUserKnowledge(entries: Entry[]): string {
  return JSON.stringify({ entries }, null, 2) + '\n';
}

/** All entries by id, user entries over bundled ones. */
export function mergeEntries(bundled: Record<string, Entry>, user: Entry[]): Record<string, Entry> {
  const out: Record<string, Entry> = { ...bundled };
  for (const e of user) out[e.id] = e;
  return out;
}

function aliasText(a: Alias): string {
  return typeof a === 'string' ? a : a.text;
}

/**
 * The entries to compile into one alias index: bundled entries lose the aliases a user entry
 * claims (the user's meaning wins), overridden bundled entries are replaced whole.
 */
export function entriesForIndex(bundled: Record<string, Entry>, user: Entry[]): Entry[] {
  const userIds = new Set(user.map((e) => e.id));
  const claimed = new Set(user.flatMap((e) => e.aliases.map((a) => aliasKey(aliasText(a)))));
  const out: Entry[] = [];
  for (const e of Object.values(bundled)) {
    if (userIds.has(e.id)) continue;
    const aliases = e.aliases.filter((a) => !claimed.has(aliasKey(aliasText(a))));
    // A shared alias whose preferred entry is now a user entry still resolves to it.
    out.push(aliases.length === e.aliases.length ? e : { ...e, aliases });
  }
  for (const e of user) {
    // Shared-alias bookkeeping is for the bundled set; a user alias simply belongs to its entry.
    out.push({ ...e, aliases: e.aliases.map((a) => (typeof a === 'string' || !a.shared ? a : { ...a, shared: undefined })) });
  }
  return out;
}

/** The merged alias index the content script uses while the user has entries. */
export function compileMergedIndex(bundled: Record<string, Entry>, user: Entry[]): CompiledIndex {
  return compileIndex(entriesForIndex(bundled, user));
}

