/**
 * The knowledge pack in storage.local: the pack in use, the one before it (to roll back to), and
 * the last check with its result. A new pack is switched in by one storage.local.set that writes
 * the pack, the index compiled from it and the check's result together (commitPack): readers
 * either see the old knowledge with its index or the new one with its, never a mix, and a
 * background stopped before that write leaves everything as it was.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { PackReason } from '../knowledge/pack';
import type { Entry } from '../knowledge/schema';
import type { Registry } from '../knowledge/sources';
import type { StoredIndex } from './items';

export interface PackRecord {
  version: number;
  knowledgeDate: string;
  entries: Entry[];
  registry?: Registry;
  /** The server's ETag for this pack, sent back as If-None-Match. */
  etag?: string;
  installedAt: string;
}

export interface StoredPack {
  current: PackRecord | null;
  previous: PackRecord | null;
}

export type PackResult = 'updated' | 'up-to-date' | 'rolled-back' | PackReason;

export interface PackStatus {
  checkedAt: string;
  result: PackResult;
  /** The reason in detail (English, for the curious: HTTP status, the failing entry and field). */
  detail?: string;
}

/** Storage keys (wxt `local:<key>`); the stored index is the one the pages match with (items.ts userIndex). */
export const PACK_KEY = 'knowledgePack';
export const PACK_STATUS_KEY = 'packStatus';
const INDEX_KEY = 'userIndex';

export const knowledgePackItem = storage.defineItem<StoredPack>(`local:${PACK_KEY}`, { fallback: { current: null, previous: null } });
export const packStatusItem = storage.defineItem<PackStatus | null>(`local:${PACK_STATUS_KEY}`, { fallback: null });

/** The one write that switches knowledge: pack, page index and status together. */
export async function commitPack(pack: StoredPack, index: StoredIndex | null, status: PackStatus): Promise<void> {
  await browser.storage.local.set({ [PACK_KEY]: pack, [INDEX_KEY]: index, [PACK_STATUS_KEY]: status });
}

/** What the popup and options show: the knowledge in use and the last check. */
export interface PackSummary {
  /** Version of the pack in use; null: the bundled knowledge. */
  version: number | null;
  knowledgeDate: string | null;
  status: PackStatus | null;
}

export async function packSummary(bundledDate: string | null): Promise<PackSummary> {
  const [pack, status] = await Promise.all([knowledgePackItem.getValue(), packStatusItem.getValue()]);
  const cur = pack?.current;
  return { version: cur?.version ?? null, knowledgeDate: cur?.knowledgeDate ?? bundledDate, status };
}
