/** The full knowledge (facts), bundled into the background only; the content script asks for one entry at a time. */
import entries from 'virtual:modellens-entries';
import type { BackgroundRequest, EntryResponse, EntrySummary } from '../messaging/protocol';
import type { Entry } from './schema';

const byId: Record<string, Entry> = entries;

function summary(e: Entry): EntrySummary {
  return { id: e.id, name: e.name, vendor: e.vendor, kind: e.kind };
}

export function getEntry(id: string): EntryResponse {
  const entry = byId[id] ?? null;
  const links: Record<string, EntrySummary> = {};
  if (entry)
    for (const l of [entry.family, entry.predecessor, entry.successor, ...(entry.related ?? [])])
      if (l && byId[l]) links[l] = summary(byId[l]);
  return { entry, links };
}

export function handleBackgroundRequest(msg: BackgroundRequest): EntryResponse {
  return getEntry(msg.id);
}
