/** Options page: the user's own knowledge — import (file or pasted JSON), export, remove. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Entry, EntryIssue } from '../knowledge/schema';
import { exportUserKnowledge, importUserKnowledge } from '../knowledge/user';
import { userKnowledgeItem } from '../settings/items';
import { saveUserKnowledge } from '../settings/user-index';
import { t } from './i18n';

function issueText(i: EntryIssue): string {
  if (i.id === '-') return t('options.issueFile', { field: i.path, reason: i.reason });
  return t('options.issue', { id: i.id, field: i.path, reason: i.reason });
}

type ImportOutcome = { ok: boolean; issues: EntryIssue[]; added: number; replaced: number };

export function UserKnowledge({ bundled }: { bundled: Record<string, Entry> }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [text, setText] = useState('');
  const [result, setResult] = useState<ImportOutcome | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void userKnowledgeItem.getValue().then((k) => setEntries(k.entries));
    return userKnowledgeItem.watch((k) => setEntries(k?.entries ?? []));
  }, []);

  const bundledIds = new Set(Object.keys(bundled));
  const runImport = async (json: string) => {
    const current = (await userKnowledgeItem.getValue()).entries;
    const r = importUserKnowledge(json, current, bundledIds);
    setResult(r);
    if (!r.ok) return; // the stored entries stay as they were
    await saveUserKnowledge(r.entries, bundled);
    setEntries(r.entries);
    setText('');
    if (fileRef.current) fileRef.current.value = '';
  };
  const onFile = async () => {
    const f = fileRef.current?.files?.[0];
    if (f) await runImport(await f.text());
  };
  const save = async (next: Entry[]) => {
    await saveUserKnowledge(next, bundled);
    setEntries(next);
    setResult(null);
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([exportUserKnowledge(entries)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'modellens-knowledge.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section class="panel" aria-labelledby="knowledge-h">
      <h2 id="knowledge-h">{t('options.knowledge')}</h2>
      <p class="muted">{t('options.knowledgeHelp')}</p>
      <p id="user-count">{t('options.userCount', { n: entries.length }, entries.length)}</p>
      <UserEntryList entries={entries} bundled={bundled} onRemove={(id) => void save(entries.filter((x) => x.id !== id))} />
      <div class="row wrap">
        <label class="file">
          <span>{t('options.importFile')}</span>
          <input type="file" id="import-file" accept=".json,application/json" ref={fileRef} onChange={() => void onFile()} />
        </label>
        <button type="button" id="export" disabled={!entries.length} onClick={download}>
          {t('options.export')}
        </button>
        <button type="button" id="remove-all" disabled={!entries.length} onClick={() => void save([])}>
          {t('options.removeAll')}
        </button>
      </div>
      <label for="import-text">{t('options.importPaste')}</label>
      <textarea id="import-text" rows={6} spellcheck={false} value={text} placeholder='{ "entries": [ … ] }' onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <div class="row">
        <button type="button" class="primary" id="import" disabled={!text.trim()} onClick={() => void runImport(text)}>
          {t('options.import')}
        </button>
      </div>
      <ImportResult result={result} />
    </section>
  );
}

/** The user's entries, each with a remove button. */
function UserEntryList({ entries, bundled, onRemove }: { entries: Entry[]; bundled: Record<string, Entry>; onRemove: (id: string) => void }) {
  if (!entries.length) return null;
  return (
    <ul class="user-entries" id="user-entries">
      {entries.map((e) => (
        <li key={e.id}>
          <span class="your-note">{t('common.yourNote')}</span> <strong class="entry-name">{e.name}</strong>{' '}
          <code class="muted">{e.id}</code>
          {bundled[e.id] && <span class="muted"> · {t('options.overrides')}</span>}{' '}
          <button type="button" class="link" onClick={() => onRemove(e.id)}>
            {t('options.remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** What the last import did: how many entries it added and replaced, or why it failed. */
function ImportResult({ result }: { result: ImportOutcome | null }) {
  return (
    <div aria-live="polite">
      {result?.ok && (
        <p class="ok" id="import-ok">
          {t('options.imported', { added: result.added, replaced: result.replaced })}
        </p>
      )}
      {result && !result.ok && (
        <div class="error" id="import-error" role="alert">
          <strong>{t('options.importFailed', { n: result.issues.length }, result.issues.length)}</strong>
          <ul>
            {result.issues.slice(0, 50).map((i, k) => (
              <li key={k}>{issueText(i)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
