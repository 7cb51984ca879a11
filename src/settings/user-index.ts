/**
 * How user knowledge reaches the page. The bundled alias index stays as built (knowledge-index.js);
 * while the user has entries, a merged index (bundled + user, compiled by knowledge/user.ts) is kept
 * in storage next to the entries, and the content script prefers it. Writers: the options page
 * (import, remove) and the background (after an update changed the bundled knowledge).
 */
import { storage } from 'wxt/utils/storage';
import { compileIndex } from '../knowledge/compile';
import type { Entry } from '../knowledge/schema';
import { compileMergedIndex, indexFingerprint } from '../knowledge/user';
import { userIndexItem, userKnowledgeItem, type StoredIndex } from './items';

/** Store the user's entries and the merged index in one write, so readers never see one without the other. */
export async function saveUserKnowledge(entries: Entry[], bundled: Record<string, Entry>): Promise<void> {
  const index: StoredIndex | null = entries.length
    ? { base: indexFingerprint(compileIndex(Object.values(bundled))), index: compileMergedIndex(bundled, entries) }
    : null;
  await storage.setItems([
    { item: userKnowledgeItem, value: { entries, updatedAt: new Date().toISOString() } },
    { item: userIndexItem, value: index },
  ]);
}

/** Background, after install or update: rebuild the merged index against the new bundled knowledge. */
export async function refreshUserIndex(bundled: Record<string, Entry>): Promise<void> {
  const { entries } = await userKnowledgeItem.getValue();
  const stored = await userIndexItem.getValue();
  const base = indexFingerprint(compileIndex(Object.values(bundled)));
  if (!entries.length) {
    if (stored) await userIndexItem.setValue(null);
    return;
  }
  if (stored?.base === base) return;
  await userIndexItem.setValue({ base, index: compileMergedIndex(bundled, entries) });
}
