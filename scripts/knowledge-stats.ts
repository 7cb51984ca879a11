/**
 * npm run knowledge:stats [dir]
 * Prints entry counts by vendor and by kind, plus lifecycle and fact-status totals.
 */
import { resolve } from 'node:path';
import { factsOf } from '../src/knowledge/check';
import { ENTRIES_DIR, readKnowledgeDir } from '../src/knowledge/load';
import { FACT_STATUSES, KINDS, LIFECYCLES } from '../src/knowledge/schema';

const dir = process.argv[2] ? resolve(process.argv[2]) : ENTRIES_DIR;
const { entries, issues } = readKnowledgeDir(dir);

const byVendor = new Map<string, Map<string, number>>();
for (const e of entries) {
  const row = byVendor.get(e.vendor) ?? new Map<string, number>();
  row.set(e.kind, (row.get(e.kind) ?? 0) + 1);
  byVendor.set(e.vendor, row);
}
const vendors = [...byVendor.keys()].sort((a, b) => a.localeCompare(b));
const pad = (s: string | number, n: number) => String(s).padStart(n);
const w = Math.max(6, ...vendors.map((v) => v.length));

console.log(`${'vendor'.padEnd(w)} ${KINDS.map((k) => pad(k, 9)).join('')} ${pad('total', 7)}`);
for (const v of vendors) {
  const row = byVendor.get(v)!;
  const total = [...row.values()].reduce((a, b) => a + b, 0);
  console.log(`${v.padEnd(w)} ${KINDS.map((k) => pad(row.get(k) ?? 0, 9)).join('')} ${pad(total, 7)}`);
}
const kindTotals = KINDS.map((k) => entries.filter((e) => e.kind === k).length);
console.log(`${'TOTAL'.padEnd(w)} ${kindTotals.map((n) => pad(n, 9)).join('')} ${pad(entries.length, 7)}`);
console.log(`\n${vendors.length} vendors, ${entries.length} entries, ${kindTotals[0]} models.`);

const lifecycles = LIFECYCLES.map((l) => `${l} ${entries.filter((e) => e.lifecycle?.value === l).length}`);
console.log(`lifecycle: ${lifecycles.join(', ')}`);
const statusCount = new Map<string, number>();
let facts = 0;
let imported = 0;
for (const e of entries)
  for (const [, f] of factsOf(e)) {
    facts++;
    if (f.source.url === 'https://models.dev/') imported++;
    statusCount.set(f.status, (statusCount.get(f.status) ?? 0) + 1);
  }
console.log(`facts: ${facts} (${imported} from models.dev, ${facts - imported} hand-written); ` +
  FACT_STATUSES.map((s) => `${s} ${statusCount.get(s) ?? 0}`).join(', '));
if (issues.length) console.log(`\n${issues.length} problem(s): run npm run knowledge:check`);
