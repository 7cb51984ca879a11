/**
 * Knowledge written in the earlier format (a source `date` instead of `published` / `retrieved`,
 * no `reviewed`), converted. Small and dependency-free: the stored-settings migration uses it too.
 */
import type { EntryIssue } from './schema.ts';

const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const FACT_FIELDS = ['lifecycle', 'released', 'announced', 'specs'] as const;

/**
 * Entries in the earlier format: each source `{url, title, date}` becomes `{url, title, retrieved: date}`
 * and an entry without `reviewed` gets its newest `retrieved`. A month-only `date` is reported as an
 * issue, unless `fallbackDay` is given (stored entries: the day they were imported, by which the
 * page had been read), in which case it is kept as `published` and `retrieved` = `fallbackDay`.
 * Returns copies; entries already in the current format come back unchanged.
 */
export function migrateLegacyEntries(
  file: string,
  entries: unknown[],
  fallbackDay?: string,
): { entries: unknown[]; migrated: number; issues: EntryIssue[] } {
  let migrated = 0;
  const issues: EntryIssue[] = [];
  const out = entries.map((raw, i) => {
    if (!raw || typeof raw !== 'object') return raw;
    const e = { ...(raw as Record<string, unknown>) };
    const id = typeof e.id === 'string' ? e.id : `#${i}`;
    let newest = '';
    const fix = (holder: Record<string, unknown>, path: string): Record<string, unknown> => {
      const src = holder.source as Record<string, unknown> | undefined;
      if (!src || typeof src !== 'object') return holder;
      if (typeof src.retrieved === 'string') {
        if (src.retrieved > newest) newest = src.retrieved;
        return holder;
      }
      if (typeof src.date !== 'string' || 'published' in src) return holder;
      const { date, ...rest } = src;
      let next: Record<string, unknown>;
      if (FULL_DAY.test(date)) next = { ...rest, retrieved: date };
      else if (fallbackDay) next = { ...rest, published: date, retrieved: fallbackDay };
      else {
        issues.push({ file, id, path: `${path}.source.date`, reason: `earlier format with a month only ("${date}"): give "retrieved" (the day you read the page, YYYY-MM-DD) and, if the page has one, "published"` });
        return holder;
      }
      migrated++;
      if ((next.retrieved as string) > newest) newest = next.retrieved as string;
      return { ...holder, source: next };
    };
    for (const k of FACT_FIELDS)
      if (e[k] && typeof e[k] === 'object') e[k] = fix(e[k] as Record<string, unknown>, k);
    if (Array.isArray(e.facts)) e.facts = e.facts.map((f, j) => (f && typeof f === 'object' ? fix(f as Record<string, unknown>, `facts.${j}`) : f));
    if (Array.isArray(e.timeline))
      e.timeline = e.timeline.map((ev, j) => (ev && typeof ev === 'object' ? fix(ev as Record<string, unknown>, `timeline.${j}`) : ev));
    if (e.reviewed === undefined && newest) e.reviewed = newest;
    return e;
  });
  return { entries: out, migrated, issues };
}

