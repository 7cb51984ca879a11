/** The pieces the card is made of: sources, badges, the vendor mark, specs, facts, links, status. */
import type { Entry, Fact, Source } from '../knowledge/schema';
import type { EntrySummary } from '../messaging/protocol';
import { useTr } from './tr';
import { factStatusLabel, formatDate, formatTokens, snapshotLines, staleNote, statusLine } from '../core/status';
import { stateOn } from '../core/lifecycle';

/** A source link with the page's own date, or the day it was read when the page has none. */
export function SourceLink({ f }: { f: { source: Source } }) {
  const tr = useTr();
  const s = f.source;
  return (
    <a class="src" href={s.url} target="_blank" rel="noopener noreferrer" title={s.url}>
      {s.title}
      <span class="src-date"> · {s.published ? formatDate(s.published) : tr('retrievedOn', { date: formatDate(s.retrieved) })}</span>
    </a>
  );
}

export function Badge({ status }: { status: string }) {
  return <span class={`badge st-${status}`}>{factStatusLabel(status, useTr())}</span>;
}

/** The vendor mark: the vendor's initial on a colour of its own. */
export function Avatar({ vendor }: { vendor: string }) {
  let h = 0;
  for (const c of vendor) h = (h * 31 + c.charCodeAt(0)) % 360;
  return (
    <span class="avatar" aria-hidden="true" style={{ background: `hsl(${h} 55% 42%)` }}>
      {vendor.slice(0, 1).toUpperCase()}
    </span>
  );
}

/** One line of the specs a reader looks for first: context, modalities, open weights. */
export function KeySpecs({ e }: { e: Entry }) {
  const tr = useTr();
  const s = e.specs?.value;
  if (!s) return null;
  const parts: string[] = [];
  if (s.context) parts.push(tr('contextShort', { n: formatTokens(s.context) }));
  if (s.input?.length) parts.push(s.outputModalities?.length ? `${s.input.join(', ')} → ${s.outputModalities.join(', ')}` : s.input.join(', '));
  if (s.openWeights !== undefined) parts.push(s.openWeights ? tr('openWeights') : tr('closedWeights'));
  if (!parts.length) return null;
  const line = parts.join(' · ');
  return (
    <p class="keyspecs" aria-label={tr('specsLabel')} title={line}>
      {line}
    </p>
  );
}

/** Every spec with its source. */
export function Specs({ e }: { e: Entry }) {
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

/** A news fact with its status badge, source and date. */
export function FactItem({ f }: { f: Fact<string> }) {
  const tr = useTr();
  return (
    <li class="fact">
      <p class="fact-text clamp">
        <Badge status={f.status} /> {f.value}
      </p>
      <div class="fine one-line">
        <SourceLink f={f} /> <span class="asof">{tr('asOf', { date: formatDate(f.asOf) })}</span>
      </div>
    </li>
  );
}

export function Links({ e, links, onOpen }: { e: Entry; links: Record<string, EntrySummary>; onOpen(id: string): void }) {
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

/** A deprecation or retirement comes with its note ("Replaced by …") in the first view. */
const noteInStatus = (state: ReturnType<typeof stateOn>) => !!state?.event?.note && (state.value === 'deprecated' || state.value === 'retired');

/** The status for the reader's today, and a note when a non-final status was last reviewed long ago. */
export function Status({ e, today }: { e: Entry; today: string }) {
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
      {stale && (
        <span class="stale" role="note">
          {' '}
          {stale}
        </span>
      )}
      {noteInStatus(state) && <span class="event-note clamp-1">{state!.event!.note}</span>}
    </p>
  );
}

/** Where the status comes from: the timeline event that set it (with its note), or the lifecycle fact. */
export function StatusSource({ e, today }: { e: Entry; today: string }) {
  const tr = useTr();
  const state = stateOn(e, today);
  if (state?.event)
    return (
      <div class="status-src">
        {state.event.note && !noteInStatus(state) && <p class="event-note">{state.event.note}</p>}
        <p class="fine">
          {tr('statusSource')} <SourceLink f={state.event} /> · {tr('asOf', { date: formatDate(e.reviewed) })}
        </p>
      </div>
    );
  if (state && e.lifecycle)
    return (
      <p class="fine status-src">
        {tr('statusSource')} <SourceLink f={e.lifecycle} /> · {tr('asOf', { date: formatDate(e.lifecycle.asOf) })}
      </p>
    );
  return null;
}

export function Snapshots({ e, today }: { e: Entry; today: string }) {
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
