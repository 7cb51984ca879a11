/**
 * The hover card, compact by default: name, vendor mark and kind; the status for the reader's
 * today (and the timeline note when the page's date changes the story); the summary; one row of
 * key specs; the two most telling news facts, each with its status and source. "N more facts"
 * opens the rest in place (all facts, every spec, API snapshots, where the status comes from,
 * related entries). Renders text only (Preact escapes).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Entry } from '../knowledge/schema';
import type { EntrySummary } from '../messaging/protocol';
import { Compare } from './Compare';
import { TrContext, useTr } from './tr';
import { kindLabel } from '../core/status';
import { tellingOrder } from '../core/telling';
import { en, type Tr } from '../core/words';
import { Avatar, FactItem, KeySpecs, Links, Snapshots, Specs, Status, StatusSource } from './card-parts';

/** News facts in the first view, at most (fewer when a timeline note or notice needs the room). */
export const FIRST_FACTS = 2;
/** The first view's height, at most (px); a fact goes to "more" when the rest needs its room. */
export const FIRST_VIEW_MAX_PX = 320;

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
  /** Everything shown ("N more facts" opened); the card keeps its own state when not given. */
  expanded?: boolean;
  onExpand?(expanded: boolean): void;
  onPin(): void;
  onClose(): void;
  onOpen(id: string): void;
  /** Words in the reader's language; English by default. */
  tr?: Tr;
  /** The reader's today (YYYY-MM-DD): the status line and the freshness note are computed for it. */
  today: string;
}

export function Card(p: CardProps) {
  return (
    <TrContext.Provider value={p.tr ?? en}>
      <CardBody key={`${p.entry?.id}|${p.timeline ?? ''}|${p.unknownVersion ?? ''}`} {...p} />
    </TrContext.Provider>
  );
}

const TITLE_ID = 'modellens-card-title';
const MORE_ID = 'modellens-card-more';

function Head({ p, e }: { p: CardProps; e: Entry }) {
  const tr = useTr();
  return (
    <div class="head">
      <Avatar vendor={e.vendor} />
      <div class="title">
        <h2 id={TITLE_ID} class="name">
          {p.unknownVersion ? p.alias : e.name}
        </h2>
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
  );
}

function CardBody(p: CardProps) {
  const tr = useTr();
  const [ownExpanded, setOwnExpanded] = useState(false);
  const expanded = p.expanded ?? ownExpanded;
  const setExpanded = (v: boolean) => (p.onExpand ? p.onExpand(v) : setOwnExpanded(v));
  const e = p.entry;
  // A timeline note or an unknown-version notice takes the room of a fact; so does a long name
  // or a long translation, measured before the card is painted.
  const [drop, setDrop] = useState(0);
  const first = Math.max(0, FIRST_FACTS - (p.timeline ? 1 : 0) - (p.unknownVersion ? 1 : 0) - drop);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !expanded && !p.compare && first > 0 && el.scrollHeight + el.offsetHeight - el.clientHeight >= FIRST_VIEW_MAX_PX) setDrop(drop + 1);
  });
  if (!e)
    return (
      <div class="card" role="dialog" aria-labelledby={TITLE_ID}>
        <h2 id={TITLE_ID} class="name">
          {p.alias}
        </h2>
        <p class="summary">{p.loading ? tr('loading') : tr('notInKnowledge')}</p>
      </div>
    );
  return (
    <div ref={ref} class={`card${expanded ? ' expanded' : ''}`} role="dialog" tabIndex={-1} aria-labelledby={TITLE_ID} aria-describedby="modellens-card-status">
      <Head p={p} e={e} />
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
        <Details p={p} e={e} first={first} expanded={expanded} setExpanded={setExpanded} />
      )}
    </div>
  );
}

/** Summary, key specs, the first facts, the row with "N more facts" and Compare, and the rest. */
function Details(d: { p: CardProps; e: Entry; first: number; expanded: boolean; setExpanded(v: boolean): void }) {
  const { p, e, expanded, setExpanded } = d;
  const tr = useTr();
  const facts = tellingOrder(e.facts ?? []);
  const first = facts.slice(0, d.first);
  const rest = facts.slice(d.first);
  const hasMore = rest.length > 0 || !!e.specs || !!e.timeline?.length || !!e.lifecycle || !!(e.family || e.predecessor || e.successor || e.related?.length);
  const label = rest.length ? tr(rest.length === 1 ? 'moreFact' : 'moreFacts', { n: rest.length }) : tr('moreDetails');
  return (
    <>
      <p class="summary clamp">{e.summary}</p>
      <KeySpecs e={e} />
      {first.length > 0 && (
        <section aria-label={tr('factsLabel')}>
          <ul class="facts">
            {first.map((f, i) => (
              <FactItem key={i} f={f} />
            ))}
          </ul>
        </section>
      )}
      <div class="foot">
        {hasMore && (
          <button type="button" class="more" aria-expanded={expanded} aria-controls={MORE_ID} onClick={() => setExpanded(!expanded)}>
            {expanded ? tr('fewerDetails') : label}
            <span class="chev" aria-hidden="true">
              {expanded ? '▴' : '▾'}
            </span>
          </button>
        )}
        {p.others && p.others.length > 0 && p.onCompare && <CompareWith others={p.others} onCompare={p.onCompare} />}
      </div>
      <div id={MORE_ID} class="more-body" hidden={!expanded}>
        {expanded && (
          <>
            {rest.length > 0 && (
              <ul class="facts" aria-label={tr('factsLabel')}>
                {rest.map((f, i) => (
                  <FactItem key={i} f={f} />
                ))}
              </ul>
            )}
            <Specs e={e} />
            <Snapshots e={e} today={p.today} />
            <StatusSource e={e} today={p.today} />
            <Links e={e} links={p.links} onOpen={p.onOpen} />
          </>
        )}
      </div>
    </>
  );
}

function CompareWith({ others, onCompare }: { others: EntrySummary[]; onCompare(id: string): void }) {
  const tr = useTr();
  return (
    <label class="cmp">
      {tr('compareWith')}{' '}
      <select
        onChange={(ev) => {
          const v = (ev.currentTarget as HTMLSelectElement).value;
          if (v) onCompare(v);
        }}
      >
        <option value="">…</option>
        {others.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
