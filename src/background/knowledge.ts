/** The background's knowledge: the user's entries follow storage; an update rebuilds the merged index. */
import { browser } from 'wxt/browser';
import { bundledEntries, setPackEntries, setUserEntries } from '../knowledge/store';
import { userKnowledgeItem } from '../settings/items';
import { knowledgePackItem } from '../settings/pack-store';
import { refreshUserIndex } from '../settings/user-index';

/** Resolves once the user's entries and the knowledge pack are read (a card asked for before would miss them). */
export function followUserKnowledge(): Promise<void> {
  const ready = userKnowledgeItem
    .getValue()
    .then((k) => setUserEntries(k.entries))
    .catch(() => undefined);
  userKnowledgeItem.watch((k) => setUserEntries(k?.entries ?? []));
  // The knowledge pack in use replaces the bundled entries (src/background/pack-update.ts).
  const pack = knowledgePackItem
    .getValue()
    .then((p) => setPackEntries(p.current?.entries ?? null))
    .catch(() => undefined);
  knowledgePackItem.watch((p) => setPackEntries(p?.current?.entries ?? null));
  // An update may change the bundled knowledge the stored merged index was built on.
  browser.runtime.onInstalled.addListener(() => {
    void refreshUserIndex(bundledEntries).catch(() => undefined);
  });
  return Promise.all([ready, pack]).then(() => undefined);
}
