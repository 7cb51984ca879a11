/** The full knowledge (facts), bundled into the background only; the content script asks for one entry at a time. */
import entries from 'virtual:modellens-entries';
import type { EntryResponse, EntrySummary } from '../messaging/protocol';
import type { Entry } from './schema';

const byId: Record<string, Entry> = entries;
/** The knowledge pack's entries when one is in use: they replace the bundled ones. */
let packById: Record<string, Entry> | null = null;
/** The user's own entries (options page import); they override bundled ones with the same id. */
let userById: Record<string, Entry> = {};

/** The bundled entries by id (the knowledge browser and user imports read them too). */
export const bundledEntries: Readonly<Record<string, Entry>> = byId;

/** Replace the user entries the background serves (called at start and whenever storage changes). */
export function setUserEntries(list: readonly Entry[]): void {
  userById = Object.fromEntries(list.map((e) => [e.id, e]));
}

/** Replace the bundled entries with a knowledge pack's (null: back to the bundled ones). */
export function setPackEntries(list: readonly Entry[] | null): void {
  packById = list ? Object.fromEntries(list.map((e) => [e.id, e])) : null;
}

function summary(e: Entry): EntrySummary {
  return { id: e.id, name: e.name, vendor: e.vendor, kind: e.kind };
}

export function getEntry(id: string): EntryResponse {
  const base = packById ?? byId;
  const user = userById[id];
  const entry = user ?? base[id] ?? null;
  const links: Record<string, EntrySummary> = {};
  if (entry)
    for (const l of [entry.family, entry.predecessor, entry.successor, ...(entry.related ?? [])]) {
      const target = l ? (userById[l] ?? base[l]) : undefined;
      if (l && target) links[l] = summary(target);
    }
  return user ? { entry, links, user: true } : { entry, links };
}
