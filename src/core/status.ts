/** Words for an entry's standing, as the card shows them. Pure, so the wording is unit-tested. */
import type { Entry } from '../knowledge/schema';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-04-16" → "16 Apr 2026"; "2025-05" → "May 2025". */
export function formatDate(d: string): string {
  const [y, m, day] = d.split('-');
  const month = MONTHS[Number(m) - 1] ?? m;
  return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
}

/** "1000000" → "1M", "200000" → "200K", "1048576" → "1.05M". */
export function formatTokens(n: number): string {
  if (n >= 1_000_000) return `${+(n / 1_000_000).toFixed(2)}M`;
  if (n >= 1_000) return `${+(n / 1_000).toFixed(1)}K`;
  return String(n);
}

export function statusLine(e: Entry): string {
  const lc = e.lifecycle.value;
  const rel = e.released?.value;
  const ann = e.announced?.value;
  const asOf = formatDate(e.lifecycle.asOf);
  switch (lc) {
    case 'ga':
      return rel ? `Released ${formatDate(rel)}` : 'Generally available';
    case 'preview':
      return rel ? `Preview since ${formatDate(rel)}` : 'In preview';
    case 'limited':
      return rel || ann ? `Limited release ${formatDate((rel ?? ann)!)} — not generally available` : 'Limited release — not generally available';
    case 'announced':
      return `Announced${ann ? ' ' + formatDate(ann) : ''}, not released as of ${asOf}`;
    case 'deprecated':
      return rel ? `Released ${formatDate(rel)} · deprecated` : 'Deprecated';
    case 'retired':
      return rel ? `Released ${formatDate(rel)} · retired` : 'Retired';
    case 'never-shipped':
      return `Never shipped (as of ${asOf})`;
    case 'codename':
      if (e.lifecycle.status === 'disputed' || e.facts?.some((f) => f.status === 'disputed')) return 'Codename — attribution disputed';
      return e.lifecycle.status === 'rumored' ? 'Codename — meaning unconfirmed' : 'Codename';
    case 'occurred':
      return rel || ann ? `Event · ${formatDate((rel ?? ann)!)}` : 'Event';
  }
}

export const KIND_LABEL: Record<Entry['kind'], string> = {
  model: 'Model',
  family: 'Family',
  codename: 'Codename',
  product: 'Product',
  event: 'Event',
};

export const FACT_STATUS_LABEL: Record<string, string> = {
  confirmed: 'Confirmed',
  reported: 'Reported',
  disputed: 'Disputed',
  rumored: 'Rumored',
  'never-shipped': 'Never shipped',
  retired: 'Retired',
};
