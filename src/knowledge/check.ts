/**
 * Knowledge checks that need more than one entry: duplicate ids, aliases claimed twice, dangling
 * links, dates in the future. Pure (no fs), so it can also check user-supplied knowledge.
 * Per-entry shape checks live in schema.ts (validateFile); this runs on entries that passed them.
 */
import { aliasKey as coreAliasKey } from '../core/normalize';
import { dayOf, stateOn } from '../core/lifecycle';
import { validateFile, type Alias, type Entry, type EntryIssue, type Fact, type Source } from './schema';
import { classify, REGISTRY, vendorKey, type Registry } from './sources';

export interface FileEntry {
  file: string;
  entry: Entry;
}

export interface CheckOptions {
  /** YYYY-MM-DD; no asOf may be later. Defaults to the current UTC date. */
  today?: string;
  /**
   * Ids of entries that exist but failed the schema (already reported there): links to them are
   * not reported again as dangling.
   */
  knownIds?: Iterable<string>;
  /**
   * The source registry for the source policy (sourcePolicy). checkFiles applies the policy with
   * the bundled registry unless this is false; crossCheck never does (user knowledge is the user's).
   */
  registry?: Registry | false;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Matching key of an alias, exactly as the compiled index keys it (src/core/normalize): lowercase,
 * hyphen variants → "-", whitespace runs → " ".
 */
export function aliasKey(text: string): string {
  return coreAliasKey(text);
}

export function aliasText(a: Alias): string {
  return typeof a === 'string' ? a : a.text;
}

function aliasExact(a: Alias): boolean {
  return typeof a !== 'string' && a.case === 'exact';
}

function aliasShared(a: Alias): { reason: string; prefer: string } | undefined {
  return typeof a === 'string' ? undefined : a.shared;
}

/** Would the two aliases match the same text? Two case-exact aliases differing in case do not. */
function aliasesCollide(a: Alias, b: Alias): boolean {
  if (aliasKey(aliasText(a)) !== aliasKey(aliasText(b))) return false;
  if (aliasExact(a) && aliasExact(b)) return aliasText(a).normalize('NFKC') === aliasText(b).normalize('NFKC');
  return true;
}

/** Every fact of an entry with its field path. */
export function factsOf(e: Entry): Array<[string, Fact<unknown>]> {
  const out: Array<[string, Fact<unknown>]> = [];
  if (e.lifecycle) out.push(['lifecycle', e.lifecycle]);
  if (e.released) out.push(['released', e.released]);
  if (e.announced) out.push(['announced', e.announced]);
  if (e.specs) out.push(['specs', e.specs]);
  e.facts?.forEach((fact, i) => out.push([`facts.${i}`, fact]));
  return out;
}

/**
 * Is date `a` after date `b`? A month-only date (YYYY-MM) is compared at month precision: a day in
 * March 2023 is not after "2023-03".
 */
export function later(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length, 10);
  return a.slice(0, n) > b.slice(0, n);
}

type Report = (it: FileEntry, path: string, reason: string) => void;

/** Cross-entry checks. Issues come in a stable order: by file, then entry order, then field. */
export function crossCheck(items: FileEntry[], opts: CheckOptions = {}): EntryIssue[] {
  const today = opts.today ?? todayUtc();
  const issues: EntryIssue[] = [];
  const issue: Report = (it, path, reason) => void issues.push({ file: it.file, id: it.entry.id, path, reason });
  const byId = checkIds(items, issue);
  checkAliases(items, issue);
  checkVersionForms(items, issue);
  checkLinks(items, byId, new Set(opts.knownIds ?? []), issue);
  checkDates(items, today, issue);
  return issues;
}

/** Duplicate ids: the first definition wins, later ones are reported. */
function checkIds(items: FileEntry[], issue: Report): Map<string, FileEntry> {
  const byId = new Map<string, FileEntry>();
  for (const it of items) {
    const first = byId.get(it.entry.id);
    if (first) issue(it, 'id', `duplicate id, first defined in ${first.file}`);
    else byId.set(it.entry.id, it);
  }
  return byId;
}

/** Aliases: each matching key belongs to one entry, unless every claimant declares it shared. */
function checkAliases(items: FileEntry[], issue: Report): void {
  const claims = new Map<string, Array<{ it: FileEntry; index: number; alias: Alias }>>();
  for (const it of items) {
    const seen = new Map<string, number>();
    it.entry.aliases.forEach((alias, index) => {
      const key = aliasKey(aliasText(alias));
      const prev = seen.get(key);
      if (prev !== undefined && aliasesCollide(it.entry.aliases[prev], alias)) {
        issue(it, `aliases.${index}`, `alias "${aliasText(alias)}" repeats aliases.${prev} of the same entry`);
        return;
      }
      seen.set(key, index);
      const list = claims.get(key) ?? [];
      list.push({ it, index, alias });
      claims.set(key, list);
    });
  }
  for (const list of claims.values()) {
    if (list.length < 2) continue;
    for (const c of list) {
      const others = list.filter((o) => o.it.entry.id !== c.it.entry.id && aliasesCollide(o.alias, c.alias));
      if (others.length === 0) continue;
      const mine = aliasShared(c.alias);
      const names = others.map((o) => `${o.it.entry.id} (${o.it.file})`).join(', ');
      if (!mine || others.some((o) => !aliasShared(o.alias))) {
        issue(
          c.it,
          `aliases.${c.index}`,
          `alias "${aliasText(c.alias)}" is also claimed by ${names}; declare "shared" on every claimant or remove one`,
        );
      } else if (others.some((o) => aliasShared(o.alias)!.prefer !== mine.prefer)) {
        issue(
          c.it,
          `aliases.${c.index}.shared.prefer`,
          `shared alias "${aliasText(c.alias)}" prefers ${mine.prefer} here but another entry in ${names}; every claimant must prefer the same entry`,
        );
      } else if (mine.prefer !== c.it.entry.id && !others.some((o) => o.it.entry.id === mine.prefer)) {
        issue(c.it, `aliases.${c.index}.shared.prefer`, `shared alias "${aliasText(c.alias)}" prefers ${mine.prefer}, which does not claim it`);
      }
    }
  }
}

/** Version forms: no repeats within an entry, and one family per pattern. */
function checkVersionForms(items: FileEntry[], issue: Report): void {
  const forms = new Map<string, FileEntry>();
  for (const it of items) {
    const seen = new Set<string>();
    it.entry.versionForms?.forEach((form, i) => {
      const key = aliasKey(form);
      if (seen.has(key)) return issue(it, `versionForms.${i}`, `version form "${form}" repeats another form of the same entry`);
      seen.add(key);
      const other = forms.get(key);
      if (other && other.entry.id !== it.entry.id)
        issue(it, `versionForms.${i}`, `version form "${form}" is also claimed by ${other.entry.id} (${other.file})`);
      else forms.set(key, it);
    });
  }
}

/** Links must point at existing entries. */
function checkLinks(items: FileEntry[], byId: Map<string, FileEntry>, known: Set<string>, issue: Report): void {
  const link = (it: FileEntry, path: string, target: string | undefined) => {
    if (target === undefined) return;
    if (!byId.has(target) && !known.has(target)) issue(it, path, `links to unknown entry "${target}"`);
    else if (target === it.entry.id && !path.includes('shared')) issue(it, path, 'links to itself');
  };
  for (const it of items) {
    const e = it.entry;
    link(it, 'family', e.family);
    link(it, 'predecessor', e.predecessor);
    link(it, 'successor', e.successor);
    e.related?.forEach((r, i) => link(it, `related.${i}`, r));
    e.aliases.forEach((a, i) => link(it, `aliases.${i}.shared.prefer`, aliasShared(a)?.prefer));
  }
}

/** Dates: a page is read after it was published and not after today; nothing after asOf, no asOf after today. */
function checkDates(items: FileEntry[], today: string, issue: Report): void {
  const sourceDates = (it: FileEntry, path: string, src: Source) => {
    if (src.published !== undefined && later(src.published, src.retrieved))
      issue(it, `${path}.source.published`, `published ${src.published} is after retrieved ${src.retrieved}`);
    if (src.retrieved > today) issue(it, `${path}.source.retrieved`, `retrieved ${src.retrieved} is in the future (today is ${today})`);
  };
  for (const it of items) {
    const e = it.entry;
    if (e.reviewed > today) issue(it, 'reviewed', `reviewed ${e.reviewed} is in the future (today is ${today})`);
    e.timeline?.forEach((ev, i) => {
      const path = `timeline.${i}`;
      sourceDates(it, path, ev.source);
      if (dayOf(ev.date) > today)
        issue(it, `${path}.date`, `event date ${ev.date} is in the future (today is ${today}); a scheduled retirement is the deprecated event's shutdown`);
      const prev = e.timeline![i - 1];
      if (prev && dayOf(ev.date) < dayOf(prev.date)) issue(it, `${path}.date`, `events must be sorted by date: ${ev.date} comes after ${prev.date}`);
    });
    // The lifecycle is the state as of the review day; with a timeline the two must agree.
    const lc = e.lifecycle?.value;
    if (lc && e.timeline?.some((ev) => ev.snapshot === undefined) && !['never-shipped', 'codename', 'occurred'].includes(lc)) {
      const s = stateOn(e, e.reviewed);
      if (s?.value !== lc)
        issue(it, 'lifecycle.value', `lifecycle "${lc}" disagrees with the timeline, which gives "${s?.value ?? 'nothing yet'}" on reviewed ${e.reviewed}`);
    }
    for (const [path, fact] of factsOf(it.entry)) {
      sourceDates(it, path, fact.source);
      if (fact.source.published !== undefined && later(fact.source.published, fact.asOf))
        issue(it, `${path}.source.published`, `published ${fact.source.published} is after asOf ${fact.asOf}`);
      if (fact.asOf > today) issue(it, `${path}.asOf`, `asOf ${fact.asOf} is in the future (today is ${today})`);
      const dated: Array<[string, unknown]> =
        path === 'released' || path === 'announced'
          ? [['value', fact.value]]
          : path === 'specs'
            ? [['value.knowledgeCutoff', (fact.value as { knowledgeCutoff?: string }).knowledgeCutoff]]
            : [];
      for (const [sub, v] of dated)
        if (typeof v === 'string' && later(v, fact.asOf)) issue(it, `${path}.${sub}`, `date ${v} is after asOf ${fact.asOf}`);
    }
  }
}

/**
 * The source policy (errors unless said):
 * - the entry's vendor is in the registry, under the name the entries use;
 * - `confirmed` only from the entity's vendor's own domains, never from a community source;
 * - a reference source (models.dev, arXiv, …) never sources a lifecycle or a timeline event;
 * - warning: a release or announcement date whose only source is a reference;
 * - warning: a community source (allowed only where nothing better exists; listed so it can be replaced).
 */
export function sourcePolicy(items: FileEntry[], registry: Registry = REGISTRY): { errors: EntryIssue[]; warnings: EntryIssue[] } {
  const errors: EntryIssue[] = [];
  const warnings: EntryIssue[] = [];
  const at = (list: EntryIssue[], it: FileEntry, path: string, reason: string) =>
    list.push({ file: it.file, id: it.entry.id, path, reason });
  for (const it of items) {
    const e = it.entry;
    const key = vendorKey(e.id);
    const vendor = registry.vendors[key];
    if (!vendor) at(errors, it, 'id', `vendor "${key}" is not in the source registry (src/knowledge/vendors.json)`);
    else if (vendor.name !== e.vendor) at(errors, it, 'vendor', `"${e.vendor}" differs from the registry's name "${vendor.name}" for ${key}`);
    const sources: Array<[string, Source, Fact<unknown>['status'] | undefined]> = [
      ...factsOf(e).map(([path, f]): [string, Source, Fact<unknown>['status']] => [path, f.source, f.status]),
      ...(e.timeline ?? []).map((ev, i): [string, Source, undefined] => [`timeline.${i}`, ev.source, undefined]),
    ];
    for (const [path, src, status] of sources) {
      const c = classify(src.url, registry);
      const lifecycleLike = path === 'lifecycle' || path.startsWith('timeline.');
      if (status === 'confirmed' && c.class === 'community')
        at(errors, it, `${path}.status`, `confirmed from a community source (${c.host}: ${c.why}); a community page can only report`);
      else if (status === 'confirmed' && !(c.class === 'vendor' && c.vendor === key))
        at(errors, it, `${path}.status`, `confirmed needs a source on ${vendor?.name ?? key}'s own domains; ${c.host} is ${c.class === 'vendor' ? `a ${registry.vendors[c.vendor!].name} domain` : `a${c.class === 'outlet' ? 'n' : ''} ${c.class} source`}, so reported at most`);
      if (lifecycleLike && c.class === 'reference')
        at(errors, it, `${path}.source`, `${c.host} is a reference source and never sources a lifecycle; cite the vendor's page or an outlet`);
      if ((path === 'released' || path === 'announced') && c.class === 'reference')
        at(warnings, it, `${path}.source`, `date sourced only to a reference (${c.host}); confirm it with a vendor page or model card`);
      if (c.class === 'community' && status !== 'confirmed')
        at(warnings, it, `${path}.source`, `community source (${c.host}: ${c.why}); replace it with a vendor page or a named outlet`);
    }
  }
  return { errors, warnings };
}

/** Validate several parsed files at once: schema per file, then cross-entry checks and the source policy. */
export function checkFiles(
  files: Array<{ file: string; data: unknown }>,
  opts: CheckOptions = {},
): { entries: Entry[]; items: FileEntry[]; issues: EntryIssue[]; warnings: EntryIssue[] } {
  const issues: EntryIssue[] = [];
  const items: FileEntry[] = [];
  const knownIds = new Set(opts.knownIds ?? []);
  for (const { file, data } of files) {
    const r = validateFile(file, data);
    issues.push(...r.issues);
    for (const entry of r.entries) items.push({ file, entry });
    const raw = (data as { entries?: unknown } | null)?.entries;
    if (Array.isArray(raw))
      for (const e of raw) if (e && typeof (e as { id?: unknown }).id === 'string') knownIds.add((e as { id: string }).id);
  }
  issues.push(...crossCheck(items, { ...opts, knownIds }));
  const policy = opts.registry === false ? { errors: [], warnings: [] } : sourcePolicy(items, opts.registry ?? REGISTRY);
  issues.push(...policy.errors);
  return { entries: items.map((i) => i.entry), items, issues, warnings: policy.warnings };
}
