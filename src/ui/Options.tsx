/**
 * The options page: what to highlight and how, where, and the user's own knowledge (import,
 * export, remove). Every change is saved at once and reaches open tabs live.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Entry } from '../knowledge/schema';
import {
  repairSettings,
  saveSettings,
  settingsNoticeItem,
  watchSettings,
  type SettingsNotice,
} from '../settings/items';
import { CATEGORIES, HIGHLIGHT_STYLES, LANGUAGES, STRICTNESS, type Settings } from '../settings/defaults';
import { normalizeHost } from '../settings/sites';
import { setLanguage, t, type MessageKey } from './i18n';
import { UserKnowledge } from './UserKnowledge';
import { KnowledgeUpdates } from './KnowledgeUpdates';
import { ListEditor } from './ListEditor';

export interface OptionsProps {
  /** The bundled entries (import validation: links may point at them; overrides replace them). */
  bundled: Record<string, Entry>;
  /** Re-render the whole page after a language change. */
  onLanguage?(): void;
}

function Notice({ notice, onDismiss }: { notice: SettingsNotice; onDismiss(): void }) {
  return (
    <div class="notice" role="alert" id="settings-notice">
      <strong>{t('options.noticeTitle')}</strong>
      <ul>
        {notice.problems.map((p, i) => (
          <li key={i}>
            <code>{p.field}</code>: {p.reason}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('options.noticeBackup')}</summary>
        <pre class="backup">{JSON.stringify(notice.backup, null, 2)}</pre>
      </details>
      <button type="button" onClick={onDismiss}>
        {t('options.dismiss')}
      </button>
    </div>
  );
}

const CATEGORY_LABEL: Record<string, MessageKey> = {
  models: 'options.catModels',
  codenames: 'options.catCodenames',
  products: 'options.catProducts',
};
const STYLE_LABEL: Record<string, MessageKey> = {
  underline: 'options.styleUnderline',
  background: 'options.styleBackground',
  hover: 'options.styleHover',
};
const STRICT_LABEL: Record<string, MessageKey> = {
  block: 'options.strictBlock',
  page: 'options.strictPage',
  off: 'options.strictOff',
};
const LANG_LABEL: Record<string, MessageKey> = {
  auto: 'options.langAuto',
  en: 'options.langEn',
  de: 'options.langDe',
};

export function Options({ bundled, onLanguage }: OptionsProps) {
  const [s, setS] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<SettingsNotice | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void repairSettings().then(setS);
    void settingsNoticeItem.getValue().then(setNotice);
    const a = watchSettings(setS);
    const b = settingsNoticeItem.watch(setNotice);
    return () => {
      a();
      b();
    };
  }, []);

  if (!s) return <p class="muted">…</p>;

  const update = async (patch: Partial<Settings>) => {
    const next = { ...s, ...patch };
    setS(next);
    await saveSettings(next);
    setSaved(true);
    setTimeout(() => setSaved(false), 1500);
    if (patch.language) {
      await setLanguage(patch.language);
      onLanguage?.();
    }
  };

  return (
    <main class="options">
      <header class="page-head">
        <span class="brand">
          <img src="/icon/48.png" alt="" />
          <h1>{t('options.title')}</h1>
        </span>
        <span class="saved ok" aria-live="polite">
          {saved ? t('options.saved') : ''}
        </span>
      </header>
      {notice && <Notice notice={notice} onDismiss={() => void settingsNoticeItem.setValue(null)} />}

      <HighlightingPanel s={s} update={update} />

      <SitesPanel s={s} update={update} />

      <LanguagePanel s={s} update={update} />

      <KnowledgeUpdates />
      <UserKnowledge bundled={bundled} />

      <footer class="muted foot">
        <a href="/knowledge.html">{t('options.openBrowser')}</a>
      </footer>
    </main>
  );
}

interface PanelProps {
  s: Settings;
  update(patch: Partial<Settings>): Promise<void>;
}

/** Categories, style, first mention only, strictness, muted terms. */
function HighlightingPanel({ s, update }: PanelProps) {
  return (
    <section class="panel" aria-labelledby="hl-h">
      <h2 id="hl-h">{t('options.highlighting')}</h2>
      <fieldset>
        <legend>{t('options.categories')}</legend>
        {CATEGORIES.map((c) => (
          <label class="check" key={c}>
            <input
              type="checkbox"
              name="category"
              value={c}
              checked={s.categories[c]}
              onChange={(e) => void update({ categories: { ...s.categories, [c]: (e.currentTarget as HTMLInputElement).checked } })}
            />
            {t(CATEGORY_LABEL[c])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('options.style')}</legend>
        {HIGHLIGHT_STYLES.map((st) => (
          <label class="check" key={st}>
            <input type="radio" name="style" value={st} checked={s.style === st} onChange={() => void update({ style: st })} />
            <span class={`sample sample-${st}`}>{t(STYLE_LABEL[st])}</span>
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input type="checkbox" id="first-only" checked={s.firstMentionOnly} onChange={(e) => void update({ firstMentionOnly: (e.currentTarget as HTMLInputElement).checked })} />
        {t('options.firstOnly')}
      </label>
      <div class="field">
        <label for="strictness">{t('options.strictness')}</label>
        <select id="strictness" value={s.strictness} onChange={(e) => void update({ strictness: (e.currentTarget as HTMLSelectElement).value as Settings['strictness'] })}>
          {STRICTNESS.map((x) => (
            <option value={x} key={x}>
              {t(STRICT_LABEL[x])}
            </option>
          ))}
        </select>
        <p class="muted help">{t('options.strictnessHelp')}</p>
      </div>
      <ListEditor
        id="muted"
        label={t('options.muted')}
        placeholder={t('options.mutedPlaceholder')}
        items={s.mutedTerms}
        normalize={(x) => x.trim().slice(0, 100)}
        invalid={t('options.mutedInvalid')}
        onChange={(mutedTerms) => void update({ mutedTerms })}
      />
    </section>
  );
}

/** Where to highlight: everywhere but the deny list, or only on the allow list. */
function SitesPanel({ s, update }: PanelProps) {
  return (
    <section class="panel" aria-labelledby="sites-h">
      <h2 id="sites-h">{t('options.sites')}</h2>
      <fieldset>
        <legend class="sr-only">{t('options.sites')}</legend>
        <label class="check">
          <input type="radio" name="site-mode" value="all" checked={s.siteMode === 'all'} onChange={() => void update({ siteMode: 'all' })} />
          {t('options.siteAll')}
        </label>
        <label class="check">
          <input type="radio" name="site-mode" value="allowlist" checked={s.siteMode === 'allowlist'} onChange={() => void update({ siteMode: 'allowlist' })} />
          {t('options.siteAllowlist')}
        </label>
      </fieldset>
      <ListEditor
        id="deny"
        label={t('options.deny')}
        placeholder="example.com"
        items={s.deny}
        normalize={normalizeHost}
        invalid={t('options.hostInvalid')}
        onChange={(deny) => void update({ deny })}
      />
      <ListEditor
        id="allow"
        label={t('options.allow')}
        placeholder="news.example.com"
        items={s.allow}
        normalize={normalizeHost}
        invalid={t('options.hostInvalid')}
        onChange={(allow) => void update({ allow })}
      />
    </section>
  );
}

/** The language of the card and pages. */
function LanguagePanel({ s, update }: PanelProps) {
  return (
    <section class="panel" aria-labelledby="lang-h">
      <h2 id="lang-h">{t('options.language')}</h2>
      <select id="language" aria-labelledby="lang-h" value={s.language} onChange={(e) => void update({ language: (e.currentTarget as HTMLSelectElement).value as Settings['language'] })}>
        {LANGUAGES.map((l) => (
          <option value={l} key={l}>
            {t(LANG_LABEL[l])}
          </option>
        ))}
      </select>
      <p class="muted help">{t('options.languageHelp')}</p>
    </section>
  );
}
