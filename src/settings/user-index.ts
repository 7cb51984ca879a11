/**
 * How user knowledge and the knowledge pack reach the page. The bundled alias index stays as built
 * (knowledge-index.js); while the user has entries or a knowledge pack is in use, a merged index
 * (the pack's entries, or else the bundled ones, with the user's laid over them; compiled by
 * knowledge/user.ts) is kept in storage (`userIndex`), and the content script prefers it. Writers:
 * the options page (import, remove), the background after an update changed the bundled knowledge,
 * and the pack client (src/background/pack-update.ts) in the same write as a new pack.
 */
import { storage } from 'wxt/utils/storage';
import { compileIndex } from '../knowledge/compile';
import type { Entry } from '../knowledge/schema';
import { compileMergedIndex, indexFingerprint } from '../knowledge/user';
import { userIndexItem, userKnowledgeItem, type StoredIndex } from './items';
import { knowledgePackItem, type PackRecord } from './pack-store';

let bundledPrint: { bundled: Record<string, Entry>; print: string } | null = null;

/** The fingerprint of the bundled index (compiled once per bundled set). */
export function bundledFingerprint(bundled: Record<string, Entry>): string {
  if (bundledPrint?.bundled !== bundled) bundledPrint = { bundled, print: indexFingerprint(compileIndex(Object.values(bundled))) };
  return bundledPrint.print;
}

/** The index pages match with: the pack's entries (or the bundled ones) with the user's over them; null when neither pack nor user entries. */
export function storedIndexFor(bundled: Record<string, Entry>, pack: PackRecord | null, user: Entry[]): StoredIndex | null {
  if (!pack && !user.length) return null;
  const base = pack ? Object.fromEntries(pack.entries.map((e) => [e.id, e])) : bundled;
  return { base: bundledFingerprint(bundled), index: compileMergedIndex(base, user) };
}

/** Store the user's entries and the merged index in one write, so readers never see one without the other. */
export async function saveUserKnowledge(entries: Entry[], bundled: Record<string, Entry>): Promise<void> {
  const pack = (await knowledgePackItem.getValue()).current;
  const index = storedIndexFor(bundled, pack, entries);
  await storage.setItems([
    { item: userKnowledgeItem, value: { entries, updatedAt: new Date().toISOString() } },
    { item: userIndexItem, value: index },
  ]);
}

/** Background, after install or update: rebuild the merged index against the new bundled knowledge. */
export async function refreshUserIndex(bundled: Record<string, Entry>): Promise<void> {
  const { entries } = await userKnowledgeItem.getValue();
  const pack = (await knowledgePackItem.getValue()).current;
  const stored = await userIndexItem.getValue();
  if (!entries.length && !pack) {
    if (stored) await userIndexItem.setValue(null);
    return;
  }
  if (stored?.base === bundledFingerprint(bundled)) return;
  await userIndexItem.setValue(storedIndexFor(bundled, pack, entries));
}
