/**
 * "Knowledge as of ‹date›", the knowledge pack in use, the last check and its result in words,
 * "Check now", and the switch "Keep knowledge up to date" (popup: compact; options: a panel).
 */
import { useEffect, useState } from 'preact/hooks';
import knowledgeDate from 'virtual:modellens-knowledge-date';
import { formatDate } from '../core/status';
import { sendToBackground } from '../messaging/client';
import { loadSettings, updateSettings, watchSettings } from '../settings/items';
import { knowledgePackItem, packStatusItem, packSummary, type PackResult, type PackSummary } from '../settings/pack-store';
import { t, type MessageKey } from './i18n';

const RESULT: Record<PackResult, MessageKey> = {
  updated: 'pack.result.updated',
  'up-to-date': 'pack.result.upToDate',
  'rolled-back': 'pack.result.rolledBack',
  offline: 'pack.result.offline',
  timeout: 'pack.result.timeout',
  network: 'pack.result.network',
  http: 'pack.result.http',
  'too-large': 'pack.result.tooLarge',
  malformed: 'pack.result.malformed',
  format: 'pack.result.format',
  signature: 'pack.result.signature',
  invalid: 'pack.result.invalid',
  'not-newer': 'pack.result.notNewer',
  storage: 'pack.result.storage',
};

/** The last check in words: "Up to date", "Couldn't check: offline", "Update refused: signature does not match". */
export function resultText(r: PackResult, detail?: string): string {
  return t(RESULT[r] ?? 'pack.result.network', { detail: detail ?? '' });
}

function when(iso: string): string {
  const d = new Date(iso);
  return `${formatDate(iso.slice(0, 10))} ${d.toISOString().slice(11, 16)} UTC`;
}

function useKnowledgeState() {
  const [sum, setSum] = useState<PackSummary | null>(null);
  const [on, setOn] = useState(true);
  useEffect(() => {
    const load = () => void packSummary(knowledgeDate).then(setSum);
    load();
    void loadSettings().then((r) => setOn(r.settings.updateKnowledge));
    const unwatch = [knowledgePackItem.watch(load), packStatusItem.watch(load), watchSettings((s) => setOn(s.updateKnowledge))];
    return () => unwatch.forEach((u) => u());
  }, []);
  return { sum, on };
}

/** The switch's new state, read from the event at once (currentTarget is gone after dispatch). */
function setSwitch(on: boolean): void {
  void updateSettings((s) => ({ ...s, updateKnowledge: on }));
}

export function KnowledgeUpdates({ compact = false }: { compact?: boolean }) {
  const { sum, on } = useKnowledgeState();
  const [busy, setBusy] = useState(false);
  const checkNow = async () => {
    setBusy(true);
    await sendToBackground({ type: 'checkPack' }).catch(() => null);
    setBusy(false);
  };
  if (!sum) return null;
  const date = sum.knowledgeDate;
  const status = sum.status;
  const body = (
    <>
      {date && (
        <p class="muted asof">
          <span id="knowledge-asof">{t('popup.knowledgeAsOf', { date: formatDate(date) })}</span>
          {' · '}
          <span id="pack-version">{sum.version ? t('pack.version', { v: sum.version }) : t('pack.bundled')}</span>
        </p>
      )}
      <p class="muted" id="pack-status" data-result={status?.result ?? ''} data-checked={status?.checkedAt ?? ''} title={status?.detail ?? ''}>
        {status ? t('pack.lastCheck', { when: when(status.checkedAt), result: resultText(status.result, status.detail) }) : t('pack.never')}
      </p>
      <div class="row pack-actions">
        <label class="switch">
          <input type="checkbox" role="switch" id="update-switch" checked={on} onChange={(e) => setSwitch((e.currentTarget as HTMLInputElement).checked)} />
          <span>{t('pack.switch')}</span>
        </label>
        <button type="button" id="check-now" disabled={!on || busy} onClick={() => void checkNow()}>
          {busy ? t('pack.checking') : t('pack.checkNow')}
        </button>
      </div>
    </>
  );
  if (compact) return <div class="pack compact">{body}</div>;
  return (
    <section class="panel pack" aria-labelledby="pack-h">
      <h2 id="pack-h">{t('pack.title')}</h2>
      {body}
      <p class="muted help">{t('pack.help')}</p>
    </section>
  );
}
