/**
 * What the settings mean for the mentions on a page. Pure: the content script's page session and
 * features (src/dom) wire these into the scanner; node tests cover the rules.
 */
import { aliasKey } from '../core/normalize';
import type { CompiledIndex } from '../core/index-format';
import { CATEGORY_OF_KIND } from './sites';
import type { Settings } from './defaults';

/** The muted terms as aliasKey compares them. */
const mutedKeys = (s: Settings) => new Set(s.mutedTerms.map((t) => aliasKey(t)));

/**
 * Entity-level filter (categories; muted ids and names): decided before a mention is painted.
 * Each entity is decided at its first mention: a page without one never reads the entity tables
 * (the bundled index decodes them on first use, src/knowledge/pack-index.ts).
 */
export function entityFilter(s: Settings, index: CompiledIndex): (entityId: string) => boolean {
  // Decided per entity as mentions turn up, not for all entities at once: normalising every
  // entity's name cost a fresh frame about 10 ms at its first mention, and without muted terms
  // no name needs it.
  let muted: Set<string> | undefined;
  const seen = new Map<string, boolean>();
  const decide = (id: string): boolean => {
    const i = index.ids.indexOf(id);
    if (i < 0 || !s.categories[CATEGORY_OF_KIND[index.kinds[i]] ?? 'models']) return false;
    if (!s.mutedTerms.length) return true;
    muted ??= mutedKeys(s);
    return !muted.has(id) && !muted.has(aliasKey(index.names[i]));
  };
  return (id) => {
    let v = seen.get(id);
    if (v === undefined) seen.set(id, (v = decide(id)));
    return v;
  };
}

/** Alias-level filter: a muted term also hides that exact wording ("Gemini" but not "Gemini 2.5 Pro"). */
export function aliasFilter(s: Settings): (alias: string) => boolean {
  if (!s.mutedTerms.length) return () => true;
  const muted = mutedKeys(s);
  return (alias) => !muted.has(aliasKey(alias));
}

/** Settings whose change needs a fresh scan (everything but the highlight style and language). */
export function needsRescan(a: Settings, b: Settings): boolean {
  const pick = (s: Settings) =>
    JSON.stringify([s.categories, s.firstMentionOnly, s.mutedTerms, s.strictness, s.siteMode, s.allow, s.deny]);
  return pick(a) !== pick(b);
}

export interface EntityCount {
  id: string;
  name: string;
  vendor: string;
  kind: string;
  count: number;
}

/** Mentions per entity, named from the index; most mentioned first, then by name. */
export function countEntities(index: CompiledIndex, entityIds: Iterable<string>): EntityCount[] {
  const pos = new Map(index.ids.map((id, i) => [id, i]));
  const counts = new Map<string, number>();
  for (const id of entityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => {
      const i = pos.get(id);
      return i === undefined
        ? { id, name: id, vendor: id.split('/')[0], kind: 'model', count }
        : { id, name: index.names[i], vendor: index.vendors[i], kind: index.kinds[i], count };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Group entity counts by vendor; vendors with the most mentions first. */
export function groupByVendor(list: EntityCount[]): Array<{ vendor: string; total: number; items: EntityCount[] }> {
  const groups = new Map<string, EntityCount[]>();
  for (const e of list) groups.set(e.vendor, [...(groups.get(e.vendor) ?? []), e]);
  return [...groups]
    .map(([vendor, items]) => ({ vendor, items, total: items.reduce((n, e) => n + e.count, 0) }))
    .sort((a, b) => b.total - a.total || a.vendor.localeCompare(b.vendor));
}

/** Action badge text for a mention count: empty for none, capped so it fits. */
export function badgeText(n: number): string {
  return n <= 0 ? '' : n > 999 ? '999+' : String(n);
}
