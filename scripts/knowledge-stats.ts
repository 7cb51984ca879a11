/**
 * npm run knowledge:stats [dir] [--json] [--today YYYY-MM-DD]
 * Entry counts by vendor and kind; sources by class (vendor / outlet / reference / community), the
 * community ones by host and each listed so it can be replaced; lifecycle states computed for today;
 * entries without a lifecycle claim; the newest release per vendor; entries not reviewed in 120 days.
 * --json prints the same as one JSON object.
 */
import { resolve } from 'node:path';
import { daysBefore, localDay, STALE_AFTER_DAYS, stateOn } from '../src/core/lifecycle';
import { factsOf } from '../src/knowledge/check';
import { ENTRIES_DIR, readKnowledgeDir } from '../src/knowledge/load';
import { FACT_STATUSES, KINDS, LIFECYCLES, type Source } from '../src/knowledge/schema';
import { classify, type SourceClass } from '../src/knowledge/sources';

const args = process.argv.slice(2);
const json = args.includes('--json');
const todayArg = args.indexOf('--today');
const today = todayArg >= 0 ? args[todayArg + 1] : localDay(new Date());
if (!/^\d{4}-\d{2}-\d{2}$/.test(today ?? '')) {
  console.error('knowledge:stats: --today needs a day YYYY-MM-DD');
  process.exit(2);
}
const dirArg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--today');
const dir = dirArg ? resolve(dirArg) : ENTRIES_DIR;
const { items, issues } = readKnowledgeDir(dir, { relativeTo: dir });
const entries = items.map((i) => i.entry);

// Entries by vendor and kind.
const byVendor: Record<string, Record<string, number>> = {};
for (const e of entries) {
  const row = (byVendor[e.vendor] ??= {});
  row[e.kind] = (row[e.kind] ?? 0) + 1;
}
const vendors = Object.keys(byVendor).sort((a, b) => a.localeCompare(b));
const kinds = Object.fromEntries(KINDS.map((k) => [k, entries.filter((e) => e.kind === k).length]));

// Sources by class; every community source listed.
const classes: Record<SourceClass, number> = { vendor: 0, outlet: 0, reference: 0, community: 0 };
const communityByHost: Record<string, number> = {};
const communitySources: Array<{ file: string; id: string; field: string; status: string; url: string; why: string }> = [];
let lifecycleFromReference = 0;
let confirmedOffVendor = 0;
let confirmedCommunity = 0;
const statusCount: Record<string, number> = {};
let facts = 0;
for (const { file, entry: e } of items) {
  const vendor = e.id.slice(0, e.id.indexOf('/'));
  const sources: Array<[string, Source, string]> = [
    ...factsOf(e).map(([path, f]): [string, Source, string] => [path, f.source, f.status]),
    ...(e.timeline ?? []).map((ev, i): [string, Source, string] => [`timeline.${i}`, ev.source, 'event']),
  ];
  for (const [path, src, status] of sources) {
    const c = classify(src.url);
    classes[c.class]++;
    if (status !== 'event') {
      facts++;
      statusCount[status] = (statusCount[status] ?? 0) + 1;
    }
    if ((path === 'lifecycle' || path.startsWith('timeline.')) && c.class === 'reference') lifecycleFromReference++;
    if (status === 'confirmed' && !(c.class === 'vendor' && c.vendor === vendor)) confirmedOffVendor++;
    if (status === 'confirmed' && c.class === 'community') confirmedCommunity++;
    if (c.class === 'community') {
      communityByHost[c.host] = (communityByHost[c.host] ?? 0) + 1;
      communitySources.push({ file, id: e.id, field: path, status, url: src.url, why: c.why ?? '' });
    }
  }
}

// Lifecycle states for today.
const states: Record<string, number> = Object.fromEntries([...LIFECYCLES, 'none'].map((l) => [l, 0]));
let withTimeline = 0;
for (const e of entries) {
  const s = stateOn(e, today);
  states[s?.value ?? 'none']++;
  if (e.timeline?.length) withTimeline++;
}
const withoutLifecycle = entries.filter((e) => !e.lifecycle && !e.timeline?.some((ev) => ev.snapshot === undefined)).map((e) => e.id);

// Newest release per vendor.
const newest: Record<string, { id: string; released: string }> = {};
for (const e of entries) {
  const r = e.released?.value;
  if (r && (!newest[e.vendor] || r > newest[e.vendor].released)) newest[e.vendor] = { id: e.id, released: r };
}

// Reviews.
const staleDay = daysBefore(today, STALE_AFTER_DAYS);
const notReviewed = entries.filter((e) => e.reviewed < staleDay).map((e) => e.id);
const reviewedNewest = entries.reduce((m, e) => (e.reviewed > m ? e.reviewed : m), '');
const releasedSince = (day: string) => entries.filter((e) => (e.released?.value ?? '') >= day || (e.announced?.value ?? '') >= day).length;

const stats = {
  today,
  entries: entries.length,
  vendors: vendors.length,
  kinds,
  byVendor,
  facts,
  factStatus: Object.fromEntries(FACT_STATUSES.map((s) => [s, statusCount[s] ?? 0])),
  sourcesByClass: classes,
  communityByHost,
  communitySources,
  lifecycleFromReference,
  confirmedOffVendor,
  confirmedCommunity,
  lifecycleToday: states,
  entriesWithTimeline: withTimeline,
  entriesWithoutLifecycle: withoutLifecycle.length,
  newestReleasePerVendor: newest,
  releasedOrAnnouncedSince20260701: releasedSince('2026-07-01'),
  knowledgeAsOf: reviewedNewest || null,
  notReviewedIn120Days: notReviewed.length,
  problems: issues.length,
};

if (json) console.log(JSON.stringify(stats, null, 2));
else printText();

/** The same figures as text. */
function printText() {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const w = Math.max(6, ...vendors.map((v) => v.length));
  console.log(`${'vendor'.padEnd(w)} ${KINDS.map((k) => pad(k, 9)).join('')} ${pad('total', 7)}`);
  for (const v of vendors) {
    const row = byVendor[v];
    const total = Object.values(row).reduce((a, b) => a + b, 0);
    console.log(`${v.padEnd(w)} ${KINDS.map((k) => pad(row[k] ?? 0, 9)).join('')} ${pad(total, 7)}`);
  }
  console.log(`${'TOTAL'.padEnd(w)} ${KINDS.map((k) => pad(kinds[k], 9)).join('')} ${pad(entries.length, 7)}`);
  console.log(`\n${vendors.length} vendors, ${entries.length} entries, ${kinds.model} models; knowledge as of ${stats.knowledgeAsOf}.`);
  console.log(`facts: ${facts}; ` + FACT_STATUSES.map((s) => `${s} ${stats.factStatus[s]}`).join(', '));
  console.log(
    `sources by class: vendor ${classes.vendor}, outlet ${classes.outlet}, reference ${classes.reference}, community ${classes.community}` +
      ` (lifecycle or timeline from a reference: ${lifecycleFromReference}; confirmed off the vendor's domains: ${confirmedOffVendor}; confirmed from community: ${confirmedCommunity})`,
  );
  console.log(`\nlifecycle on ${today}: ` + Object.entries(states).filter(([, n]) => n).map(([l, n]) => `${l} ${n}`).join(', '));
  console.log(`entries with a timeline: ${withTimeline}; without a lifecycle claim: ${withoutLifecycle.length}`);
  console.log(`released or announced since 2026-07-01: ${stats.releasedOrAnnouncedSince20260701}`);
  console.log(`not reviewed in ${STALE_AFTER_DAYS} days (before ${staleDay}): ${notReviewed.length}`);
  console.log('\nnewest release per vendor:');
  for (const v of vendors) if (newest[v]) console.log(`  ${v.padEnd(w)} ${newest[v].released}  ${newest[v].id}`);
  const hosts = Object.entries(communityByHost).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  console.log(`\ncommunity sources: ${communitySources.length} on ${hosts.length} hosts` + (hosts.length ? ': ' + hosts.map(([h, n]) => `${h} ${n}`).join(', ') : ''));
  for (const c of communitySources) console.log(`  ${c.file}: ${c.id}: ${c.field}: ${c.url} (${c.why}; ${c.status})`);
  if (issues.length) console.log(`\n${issues.length} problem(s): run npm run knowledge:check`);
}
