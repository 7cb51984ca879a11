/** Words for an entry's standing, as the card shows them. Pure, so the wording is unit-tested. */
import type { Entry } from '../knowledge/schema';
import { en, type CardWord, type Tr } from './words';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-04-16" → "16 Apr 2026"; "2025-05" → "May 2025". */
export function formatDate(d: string): string {
  const [y, m, day] = d.split('-');
  const month = MONTHS[Number(m) - 1] ?? m;
  return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
}

/**
 * Token counts as vendors write them: "200000" → "200K", "1000000" → "1M", and powers of two in
 * binary units, as context windows are quoted ("131072" → "128K", "1048576" → "1M").
 */
export function formatTokens(n: number): string {
  if (n >= 1 << 20 && n % (1 << 20) === 0) return `${n / (1 << 20)}M`;
  if (n >= 1 << 12 && n % (1 << 10) === 0 && n < 1000 << 10) return `${n / (1 << 10)}K`;
  if (n >= 1_000_000) return `${+(n / 1_000_000).toFixed(2)}M`;
  if (n >= 1_000) return `${+(n / 1_000).toFixed(1)}K`;
  return String(n);
}

export function statusLine(e: Entry, tr: Tr = en): string {
  const lc = e.lifecycle.value;
  const rel = e.released?.value;
  const ann = e.announced?.value;
  const asOf = formatDate(e.lifecycle.asOf);
  const on = (d: string) => ({ date: formatDate(d) });
  switch (lc) {
    case 'ga':
      return rel ? tr('released', on(rel)) : tr('ga');
    case 'preview':
      return rel ? tr('previewSince', on(rel)) : tr('preview');
    case 'limited':
      return rel || ann ? tr('limitedSince', on((rel ?? ann)!)) : tr('limited');
    case 'announced':
      return ann ? tr('announcedOn', { ...on(ann), asOf }) : tr('announced', { asOf });
    case 'deprecated':
      return rel ? tr('deprecatedSince', on(rel)) : tr('deprecated');
    case 'retired':
      return rel ? tr('retiredSince', on(rel)) : tr('retired');
    case 'never-shipped':
      return tr('neverShipped', { asOf });
    case 'codename':
      if (e.lifecycle.status === 'disputed' || e.facts?.some((f) => f.status === 'disputed')) return tr('codenameDisputed');
      return e.lifecycle.status === 'rumored' ? tr('codenameRumored') : tr('codename');
    case 'occurred':
      return rel || ann ? tr('eventOn', on((rel ?? ann)!)) : tr('event');
  }
}

const KIND_WORD: Record<Entry['kind'], CardWord> = {
  model: 'kindModel',
  family: 'kindFamily',
  codename: 'kindCodename',
  product: 'kindProduct',
  event: 'kindEvent',
};

export function kindLabel(kind: Entry['kind'], tr: Tr = en): string {
  return tr(KIND_WORD[kind]);
}

const STATUS_WORD: Record<string, CardWord> = {
  confirmed: 'stConfirmed',
  reported: 'stReported',
  disputed: 'stDisputed',
  rumored: 'stRumored',
  'never-shipped': 'stNeverShipped',
  retired: 'stRetired',
};

export function factStatusLabel(status: string, tr: Tr = en): string {
  const w = STATUS_WORD[status];
  return w ? tr(w) : status;
}
