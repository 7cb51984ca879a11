/**
 * The knowledge browser (knowledge.html): every entry, bundled and the user's own, searchable;
 * choosing one opens the same Card the pages show, in a shadow root with the card's own CSS.
 */
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { aliasKey } from '../core/normalize';
import { getEntry, setUserEntries } from '../knowledge/store';
import type { Entry } from '../knowledge/schema';
import { userKnowledgeItem } from '../settings/items';
import { Card } from './Card';
import { knowledgeAsOf, localDay } from '../core/lifecycle';
import { formatDate } from '../core/status';
import { readerToday } from '../settings/today';
import cardCss from './card.css?inline';
import { t, type MessageKey } from './i18n';

const KIND_KEY: Record<string, MessageKey> = {
  model: 'browser.kindModel',
  family: 'browser.kindFamily',
  codename: 'browser.kindCodename',
  product: 'browser.kindProduct',
  event: 'browser.kindEvent',
};

/** Everything a search can hit, normalised like aliases (case, dashes, spaces). */
function haystack(e: Entry): string {
  return aliasKey([e.name, e.id, e.vendor, e.summary, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))].join('\n'));
}

/** Names, aliases and ids: a hit there ranks above a hit in the summary only. */
function names(e: Entry): string {
  return aliasKey([e.name, e.id, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))].join('\n'));
}

function filterEntries(list: Entry[], query: string, kind: string): Entry[] {
  const words = aliasKey(query).split(' ').filter(Boolean);
  const hits = list.filter((e) => (kind === 'all' || e.kind === kind) && (!words.length || words.every((w) => haystack(e).includes(w))));
  if (!words.length) return hits;
  const byName = (e: Entry) => (words.every((w) => names(e).includes(w)) ? 0 : 1);
  return hits.map((e) => [byName(e), e] as const).sort((a, b) => a[0] - b[0]).map(([, e]) => e);
}

/** The card, in its own shadow root so page and card styles stay apart (as on web pages). */
function CardPane({ id, today, onOpen, onClose }: { id: string; today: string; onOpen(id: string): void; onClose(): void }) {
  const host = useRef<HTMLDivElement>(null);
  const [pinned, setPinned] = useState(false);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    if (!root.querySelector('style')) {
      const style = document.createElement('style');
      // The card's layer is a fixed overlay on web pages; here it sits in the page flow.
      style.textContent = cardCss + '\n.layer{position:static;transform:none;width:auto;max-width:none}.card{max-height:none;animation:none}';
      const layer = document.createElement('div');
      layer.className = 'layer';
      root.append(style, layer);
    }
    const layer = root.querySelector('.layer') as HTMLDivElement;
    layer.classList.toggle('dark', matchMedia('(prefers-color-scheme: dark)').matches);
    const data = getEntry(id);
    render(
      <Card entry={data.entry} links={data.links} alias={data.entry?.name ?? id} today={today} pinned={pinned} onPin={() => setPinned(!pinned)} onClose={onClose} onOpen={onOpen} />,
      layer,
    );
  });
  useEffect(() => () => {
    const layer = host.current?.shadowRoot?.querySelector('.layer');
    if (layer) render(null, layer);
  }, []);
  return <div ref={host} class="card-host" id="card-host" />;
}

export function KnowledgeBrowser({ bundled }: { bundled: Record<string, Entry> }) {
  const [user, setUser] = useState<Entry[]>([]);
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [kind, setKind] = useState('all');
  const [selected, setSelected] = useState<string | null>(() => new URLSearchParams(location.search).get('id'));
  const [today, setToday] = useState(() => localDay(new Date()));
  useEffect(() => void readerToday().then(setToday), []);
  const asOf = useMemo(() => knowledgeAsOf(Object.values(bundled)), [bundled]);

  useEffect(() => {
    const apply = (entries: Entry[]) => {
      setUserEntries(entries);
      setUser(entries);
    };
    void userKnowledgeItem.getValue().then((k) => apply(k.entries));
    return userKnowledgeItem.watch((k) => apply(k?.entries ?? []));
  }, []);

  const userIds = useMemo(() => new Set(user.map((e) => e.id)), [user]);
  const all = useMemo(() => {
    const byId = new Map(Object.values(bundled).map((e) => [e.id, e]));
    for (const e of user) byId.set(e.id, e);
    return [...byId.values()].sort((a, b) => a.vendor.localeCompare(b.vendor) || a.name.localeCompare(b.name));
  }, [bundled, user]);
  const shown = useMemo(() => filterEntries(all, query, kind), [all, query, kind]);
  // The chosen entry stays in view in the list (e.g. opened from a link with ?id=).
  useEffect(() => {
    if (selected) document.querySelector(`.entry[data-id="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected, shown]);

  return (
    <main class="kb">
      <header class="kb-head">
        <span class="brand">
          <img src="/icon/48.png" alt="" />
          <h1>{t('browser.title')}</h1>
        </span>
        <div class="filters" role="search">
          <input
            type="search"
            id="search"
            value={query}
            placeholder={t('browser.search')}
            aria-label={t('browser.search')}
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          />
          <select id="kind" value={kind} aria-label={t('browser.kind')} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value)}>
            <option value="all">{t('browser.kindAll')}</option>
            {Object.entries(KIND_KEY).map(([k, key]) => (
              <option value={k} key={k}>
                {t(key)}
              </option>
            ))}
          </select>
        </div>
        <p class="muted count" id="count" aria-live="polite">
          {t('browser.count', { n: shown.length, total: all.length }, shown.length)}
        </p>
        {asOf && (
          <p class="muted asof" id="knowledge-asof">
            {t('browser.knowledgeAsOf', { date: formatDate(asOf) })}
          </p>
        )}
      </header>
      <div class="kb-body">
        <EntryList shown={shown} selected={selected} userIds={userIds} onSelect={setSelected} />
        <DetailPane selected={selected} isUser={!!selected && userIds.has(selected)} today={today} onSelect={setSelected} />
      </div>
    </main>
  );
}

/** The entries that pass the filters; the chosen one is marked. */
function EntryList({ shown, selected, userIds, onSelect }: { shown: Entry[]; selected: string | null; userIds: Set<string>; onSelect: (id: string) => void }) {
  return (
    <ul class="entries" id="entries" aria-label={t('browser.title')}>
      {shown.map((e) => (
        <li key={e.id}>
          <button type="button" class={`entry${selected === e.id ? ' selected' : ''}`} data-id={e.id} aria-current={selected === e.id ? 'true' : undefined} onClick={() => onSelect(e.id)}>
            <span class="entry-top">
              <span class="entry-name">{e.name}</span>
              {userIds.has(e.id) && <span class="your-note">{t('common.yourNote')}</span>}
            </span>
            <span class="muted entry-meta">
              {e.vendor} · {t(KIND_KEY[e.kind])} · <code>{e.id}</code>
            </span>
          </button>
        </li>
      ))}
      {!shown.length && <li class="muted empty">{t('browser.none')}</li>}
    </ul>
  );
}

/** The chosen entry's card, labelled when it is the user's own. */
function DetailPane({ selected, isUser, today, onSelect }: { selected: string | null; isUser: boolean; today: string; onSelect: (id: string | null) => void }) {
  return (
    <aside class="pane" aria-label={t('browser.details')}>
      {selected ? (
        <>
          {isUser && (
            <p class="note-banner" id="your-note">
              <span class="your-note">{t('common.yourNote')}</span> {t('browser.yourNoteHelp')}
            </p>
          )}
          <CardPane id={selected} today={today} onOpen={onSelect} onClose={() => onSelect(null)} />
        </>
      ) : (
        <p class="muted">{t('browser.pick')}</p>
      )}
    </aside>
  );
}
