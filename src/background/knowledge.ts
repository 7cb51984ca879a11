/** The background's knowledge: the user's entries follow storage; an update rebuilds the merged index. */
import { browser } from 'wxt/browser';
import { bundledEntries, setUserEntries } from '../knowledge/store';
import { userKnowledgeItem } from '../settings/items';
import { refreshUserIndex } from '../settings/user-index';

/** Resolves once the user's entries are read (a card asked for before would miss "your note"). */
export function followUserKnowledge(): Promise<void> {
  const ready = userKnowledgeItem
    .getValue()
    .then((k) => setUserEntries(k.entries))
    .catch(() => undefined);
  userKnowledgeItem.watch((k) => setUserEntries(k?.entries ?? []));
  // An update may change the bundled knowledge the stored merged index was built on.
  browser.runtime.onInstalled.addListener(() => {
    void refreshUserIndex(bundledEntries).catch(() => undefined);
  });
  return ready;
}
