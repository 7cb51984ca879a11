/**
 * The toolbar popup: the models on the current page grouped by vendor (click: jump to the next
 * mention), and the "highlight on this site" switch. Talks to the page's top frame only.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/client';
import type { PageInfo } from '../messaging/protocol';
import { groupByVendor } from '../settings/apply';
import { updateSettings } from '../settings/items';
import { setSiteEnabled } from '../settings/schema';
import { t } from './i18n';
import { KnowledgeUpdates } from './KnowledgeUpdates';

/** While the popup is open, the page may still be scanning: refresh the list this often. */
const REFRESH_MS = 1000;

type State = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; info: PageInfo };

async function askPage(tabId: number): Promise<PageInfo | null> {
  try {
    const r = await sendToTab(tabId, { type: 'pageInfo' }, { frameId: 0 });
    return r && typeof r.host === 'string' ? r : null;
  } catch {
    return null; // no content script: a browser page, the store, or a page loaded before install
  }
}

export function Popup({ tabId }: { tabId: number | null }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [revealed, setRevealed] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (tabId === null) return setState({ kind: 'unavailable' });
    const info = await askPage(tabId);
    setState(info ? { kind: 'ready', info } : { kind: 'unavailable' });
  }, [tabId]);

  useEffect(() => {
    void refresh();
    const id = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(id);
  }, [refresh]);

  const toggleSite = async (on: boolean) => {
    if (state.kind !== 'ready') return;
    const host = state.info.host;
    setState({ kind: 'ready', info: { ...state.info, enabled: on } });
    await updateSettings((s) => setSiteEnabled(s, host, on));
    setTimeout(() => void refresh(), 300);
  };

  const reveal = async (id: string) => {
    if (tabId === null) return;
    setRevealed(id);
    await sendToTab(tabId, { type: 'reveal', entityId: id }, { frameId: 0 }).catch(() => false);
  };

  const openPage = (path: string) => {
    void browser.tabs.create({ url: browser.runtime.getURL(path as '/') });
    window.close();
  };

  return (
    <div class="popup">
      <Header openPage={openPage} />
      {state.kind === 'loading' && <p class="muted pad">{t('popup.loading')}</p>}
      {state.kind === 'unavailable' && <p class="muted pad">{t('popup.unavailable')}</p>}
      {state.kind === 'ready' && (
        <>
          <label class="switch site">
            <input
              type="checkbox"
              role="switch"
              id="site-switch"
              checked={state.info.enabled}
              onChange={(e) => void toggleSite((e.currentTarget as HTMLInputElement).checked)}
            />
            <span>
              {t('popup.siteSwitch')}
              <span class="muted host">{state.info.host || t('popup.thisPage')}</span>
            </span>
          </label>
          <h1 class="heading">
            {t('popup.title')}
            {state.info.enabled && state.info.total > 0 && (
              <span class="muted total" id="total">
                {t('popup.mentions', { n: state.info.total }, state.info.total)}
              </span>
            )}
          </h1>
          <MentionList info={state.info} revealed={revealed} onReveal={(id) => void reveal(id)} />
        </>
      )}
      <KnowledgeUpdates compact />
    </div>
  );
}

function Header({ openPage }: { openPage: (path: string) => void }) {
  return (
    <header class="top">
      <span class="brand">
        <img src="/icon/32.png" alt="" />
        ModelLens
      </span>
      <nav class="tools">
        <button type="button" class="link" onClick={() => openPage('/knowledge.html')}>
          {t('popup.browse')}
        </button>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>
          {t('popup.options')}
        </button>
      </nav>
    </header>
  );
}

/** The page's entities grouped by vendor; a click reveals the entity's next mention. */
function MentionList({ info, revealed, onReveal }: { info: PageInfo; revealed: string | null; onReveal: (id: string) => void }) {
  return (
    <>
    {!info.enabled ? (
      <p class="muted pad">{t('popup.siteOff')}</p>
    ) : info.entities.length === 0 ? (
      <p class="muted pad">{t('popup.none')}</p>
    ) : (
      <div class="groups">
        {groupByVendor(info.entities).map((g) => (
          <section class="group" key={g.vendor} aria-label={g.vendor}>
            <h2 class="vendor">
              {g.vendor} <span class="muted">{g.total}</span>
            </h2>
            <ul>
              {g.items.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    class={`entity${revealed === e.id ? ' current' : ''}`}
                    data-id={e.id}
                    title={t('popup.jump')}
                    onClick={() => onReveal(e.id)}
                  >
                    <span class="name">{e.name}</span>
                    <span class="count" aria-label={t('popup.mentions', { n: e.count }, e.count)}>
                      {e.count}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    )}
    </>
  );
}
