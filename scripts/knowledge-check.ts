/**
 * npm run knowledge:check [dir]
 * Validates every knowledge file (schema + cross-entry checks). Prints each problem as
 * `file: entry id: field: reason` and exits 1 on any; prints counts when green.
 */
import { resolve } from 'node:path';
import { ENTRIES_DIR, formatIssue, readKnowledgeDir } from '../src/knowledge/load';

const dir = process.argv[2] ? resolve(process.argv[2]) : ENTRIES_DIR;
const { entries, issues, files } = readKnowledgeDir(dir);

if (issues.length > 0) {
  for (const i of issues) console.error(formatIssue(i));
  console.error(`\nknowledge:check: ${issues.length} problem${issues.length === 1 ? '' : 's'} in ${dir}`);
  process.exit(1);
}

const facts = entries.reduce(
  (n, e) => n + 1 + (e.released ? 1 : 0) + (e.announced ? 1 : 0) + (e.specs ? 1 : 0) + (e.facts?.length ?? 0),
  0,
);
const aliases = entries.reduce((n, e) => n + e.aliases.length, 0);
const vendors = new Set(entries.map((e) => e.vendor)).size;
const models = entries.filter((e) => e.kind === 'model').length;
console.log(
  `knowledge:check OK: ${entries.length} entries (${models} models) from ${vendors} vendors in ${files.length} files; ` +
    `${aliases} aliases, ${facts} sourced facts.`,
);
