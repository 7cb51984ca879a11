/** The hover card. Renders text only (Preact escapes); every fact shows its status and source. */
import type { Entry, Source } from '../knowledge/schema';
import type { EntrySummary } from '../messaging/protocol';
import { Compare } from './Compare';
import { TrContext, useTr } from './tr';
import { factStatusLabel, formatDate, formatTokens, kindLabel, snapshotLines, staleNote, statusLine } from '../core/status';
import { stateOn } from '../core/lifecycle';
import { en, type Tr } from '../core/words';


export interface CardProps {
  entry: Entry | null;
  links: Record<string, EntrySummary>;
  /** As written on the page. */
  alias: string;
  unknownVersion?: string;
  pinned: boolean;
  loading?: boolean;
  /** The entry comes from the user's own knowledge (options page), not the bundled file. */
  user?: boolean;
  /** What the page's publish date changes about the story, if anything. */
  timeline?: string | null;
  /** Other entities mentioned on the page, for "Compare with". */
  others?: EntrySummary[];
  /** The entry being compared with, once loaded. */
  compare?: Entry | null;
  onCompare?(id: string | null): void;
  onPin(): void;
  onClose(): void;
  onOpen(id: string): void;
  /** Words in the reader's language; English by default. */
  tr?: Tr;
  /** The reader's today (YYYY-MM-DD): the status line and the freshness note are computed for it. */
  today: string;
}

/** A source link with the page's own date, or the day it was read when the page has none. */
function SourceLink({ f }: { f: { source: Source } }) {
  const tr = useTr();
  const s = f.source;
  return (
    <a class="src" href={s.url} target="_blank" rel="noopener noreferrer" title={s.url}>
      {s.title}
      <span class="src-date"> · {s.published ? formatDate(s.published) : tr('retrievedOn', { date: formatDate(s.retrieved) })}</span>
    </a>
  );
}

function Badge({ status }: { status: string }) {
  return <span class={`badge st-${status}`}>{factStatusLabel(status, useTr())}</span>;
}

function Avatar({ vendor }: { vendor: string }) {
  let h = 0;
  for (const c of vendor) h = (h * 31 + c.charCodeAt(0)) % 360;
  return (
    <span class="avatar" aria-hidden="true" style={{ background: `hsl(${h} 55% 42%)` }}>
      {vendor.slice(0, 1).toUpperCase()}
    </span>
  );
}

function Specs({ e }: { e: Entry }) {
  const tr = useTr();
  const s = e.specs?.value;
  if (!s) return null;
  const rows: [string, string][] = [];
  if (s.context) rows.push([tr('context'), tr('tokens', { n: formatTokens(s.context) })]);
  if (s.output) rows.push([tr('maxOutput'), tr('tokens', { n: formatTokens(s.output) })]);
  if (s.input?.length) rows.push([tr('input'), s.input.join(', ')]);
  if (s.openWeights !== undefined) rows.push([tr('weights'), s.openWeights ? tr('weightsOpen') : tr('weightsClosed')]);
  if (s.knowledgeCutoff) rows.push([tr('cutoff'), formatDate(s.knowledgeCutoff)]);
  if (!rows.length) return null;
  return (
    <section class="specs" aria-label={tr('specsLabel')}>
      <dl>
        {rows.map(([k, v]) => (
          <div class="spec" key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div class="fine">
        <Badge status={e.specs!.status} /> <SourceLink f={e.specs!} /> <span class="asof">{tr('asOf', { date: formatDate(e.specs!.asOf) })}</span>
      </div>
    </section>
  );
}

function Links({ e, links, onOpen }: { e: Entry; links: Record<string, EntrySummary>; onOpen(id: string): void }) {
  const tr = useTr();
  const items: [string, string][] = [];
  if (e.family) items.push([tr('linkFamily'), e.family]);
  if (e.predecessor) items.push([tr('linkBefore'), e.predecessor]);
  if (e.successor) items.push([tr('linkAfter'), e.successor]);
  for (const r of e.related ?? []) items.push([tr('linkRelated'), r]);
  if (!items.length) return null;
  return (
    <nav class="links" aria-label={tr('linksLabel')}>
      {items.map(([label, id]) => (
        <button type="button" class="link" key={label + id} onClick={() => onOpen(id)}>
          <span class="link-label">{label}</span> {links[id]?.name ?? id}
        </button>
      ))}
    </nav>
  );
}

export function Card(p: CardProps) {
  return (
    <TrContext.Provider value={p.tr ?? en}>
      <CardBody {...p} />
    </TrContext.Provider>
  );
}

function CardBody(p: CardProps) {
  const tr = useTr();
  const e = p.entry;
  const titleId = 'modellens-card-title';
  if (!e)
    return (
      <div class="card" role="dialog" aria-labelledby={titleId}>
        <h2 id={titleId} class="name">{p.alias}</h2>
        <p class="summary">{p.loading ? tr('loading') : tr('notInKnowledge')}</p>
      </div>
    );
  return (
    <div class="card" role="dialog" tabIndex={-1} aria-labelledby={titleId} aria-describedby="modellens-card-status">
      <div class="head">
        <Avatar vendor={e.vendor} />
        <div class="title">
          <h2 id={titleId} class="name">{p.unknownVersion ? p.alias : e.name}</h2>
          <div class="meta">
            <span class="vendor">{e.vendor}</span>
            <span class={`kind kind-${e.kind}`}>{kindLabel(e.kind, tr)}</span>
            {p.user && (
              <span class="your-note" title={tr('yourNoteHint')}>
                {tr('yourNote')}
              </span>
            )}
          </div>
        </div>
        <div class="tools">
          <button type="button" class="icon" aria-pressed={p.pinned} title={p.pinned ? tr('unpin') : tr('pin')} aria-label={p.pinned ? tr('unpin') : tr('pin')} onClick={p.onPin}>
            <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill={p.pinned ? 'currentColor' : 'none'} stroke="currentColor" stroke-width="2">
              <path d="M9 3h6l-1 6 4 4H6l4-4-1-6zM12 13v8" />
            </svg>
          </button>
          <button type="button" class="icon" title={tr('closeHint')} aria-label={tr('close')} onClick={p.onClose}>
            ×
          </button>
        </div>
      </div>
      {p.unknownVersion && (
        <p class="notice" role="note">
          {tr('unknownVersion', { v: p.unknownVersion, name: e.name })}
        </p>
      )}
      <Status e={e} today={p.today} />
      {p.timeline && (
        <p class="timeline" role="note">
          {p.timeline}
        </p>
      )}
      {p.compare ? (
        <Compare a={e} b={p.compare} today={p.today} onClose={() => p.onCompare?.(null)} />
      ) : (
        <Details p={p} e={e} />
      )}
      <div class="foot fine">
        <StatusSource e={e} today={p.today} />
        {!p.compare && p.others && p.others.length > 0 && p.onCompare && (
          <label class="cmp">
            {tr('compareWith')}{' '}
            <select
              onChange={(ev) => {
                const v = (ev.currentTarget as HTMLSelectElement).value;
                if (v) p.onCompare!(v);
              }}
            >
              <option value="">…</option>
              {p.others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </div>
  );
}

/** The status for the reader's today, and a note when a non-final status was last reviewed long ago. */
function Status({ e, today }: { e: Entry; today: string }) {
  const tr = useTr();
  const state = stateOn(e, today);
  const stale = staleNote(e, today, tr);
  return (
    <p id="modellens-card-status" class={`status lc-${state?.value ?? 'none'}`}>
      <strong>{statusLine(e, today, tr)}</strong>
      {state?.from === 'lifecycle' && e.lifecycle && (
        <>
          {' '}
          <Badge status={e.lifecycle.status} />
        </>
      )}
      {state?.event?.note && <span class="event-note">{state.event.note}</span>}
      {stale && (
        <span class="stale" role="note">
          {' '}
          {stale}
        </span>
      )}
    </p>
  );
}

/** Where the status comes from: the timeline event that set it, or the lifecycle fact. */
function StatusSource({ e, today }: { e: Entry; today: string }) {
  const tr = useTr();
  const state = stateOn(e, today);
  if (state?.event)
    return (
      <span>
        {tr('statusSource')} <SourceLink f={state.event} /> · {tr('asOf', { date: formatDate(e.reviewed) })}
      </span>
    );
  if (state && e.lifecycle)
    return (
      <span>
        {tr('statusSource')} <SourceLink f={e.lifecycle} /> · {tr('asOf', { date: formatDate(e.lifecycle.asOf) })}
      </span>
    );
  return <span />;
}

function Snapshots({ e, today }: { e: Entry; today: string }) {
  const tr = useTr();
  const lines = snapshotLines(e, today, tr);
  if (!lines.length) return null;
  return (
    <section class="snapshots" aria-label={tr('snapshotsLabel')}>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </section>
  );
}

function Details({ p, e }: { p: CardProps; e: Entry }) {
  const tr = useTr();
  return (
    <>
      <p class="summary">{e.summary}</p>
      <Snapshots e={e} today={p.today} />
      <Specs e={e} />
      {e.facts && e.facts.length > 0 && (
        <section aria-label={tr('factsLabel')}>
          <ul class="facts">
            {e.facts.map((f, i) => (
              <li key={i} class="fact">
                <Badge status={f.status} /> <span class="fact-text">{f.value}</span>
                <div class="fine">
                  <SourceLink f={f} /> <span class="asof">{tr('asOf', { date: formatDate(f.asOf) })}</span>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Links e={e} links={p.links} onOpen={p.onOpen} />
    </>
  );
}
