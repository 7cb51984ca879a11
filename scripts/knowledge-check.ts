/**
 * npm run knowledge:check [dir] [--quiet]
 * Validates every knowledge file (schema, cross-entry checks, source policy). Prints each problem
 * as `file: entry id: field: reason` and exits 1 on any; then the source-policy warnings (same
 * form, under "warnings"; --quiet prints only their count by reason) and counts when green.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ENTRIES_DIR, formatIssue, readKnowledgeDir } from '../src/knowledge/load';
import { checkNonModelNames } from '../src/knowledge/non-model-names';
import { matchKey } from '../src/core/normalize';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const dirArg = args.find((a) => !a.startsWith('--'));
const dir = dirArg ? resolve(dirArg) : ENTRIES_DIR;
const { entries, issues, warnings, files } = readKnowledgeDir(dir);

// Known non-model names (next to the entries directory): schema, repeats, clashes with aliases.
const nonModelFile = join(dir, '..', 'non-model-names.json');
let nonModel = 0;
if (existsSync(nonModelFile)) {
  const aliases = new Map<string, string>();
  for (const e of entries) for (const a of e.aliases) aliases.set(matchKey(typeof a === 'string' ? a : a.text), e.id);
  const file = relative(process.cwd(), nonModelFile);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(nonModelFile, 'utf8'));
  } catch (err) {
    issues.push({ file, id: '-', path: '(file)', reason: `invalid JSON: ${(err as Error).message}` });
  }
  if (raw !== undefined) {
    const r = checkNonModelNames(file, raw, aliases);
    issues.push(...r.issues);
    nonModel = r.names.length;
  }
}

if (warnings.length) {
  if (quiet) {
    const byReason = new Map<string, number>();
    for (const w of warnings) {
      const kind = w.reason.replace(/\s*\(.*$/, '');
      byReason.set(kind, (byReason.get(kind) ?? 0) + 1);
    }
    console.warn(`warnings: ${warnings.length}`);
    for (const [k, n] of byReason) console.warn(`  ${n} × ${k}`);
  } else {
    console.warn(`warnings (${warnings.length}):`);
    for (const w of warnings) console.warn(formatIssue(w));
  }
  console.warn('');
}

if (issues.length > 0) {
  for (const i of issues) console.error(formatIssue(i));
  console.error(`\nknowledge:check: ${issues.length} problem${issues.length === 1 ? '' : 's'} in ${dir}`);
  // exitCode, not exit(): a long report piped elsewhere is written out in full.
  process.exitCode = 1;
} else {
  printCounts();
}

function printCounts() {
  const facts = entries.reduce(
    (n, e) => n + (e.lifecycle ? 1 : 0) + (e.timeline?.length ?? 0) + (e.released ? 1 : 0) + (e.announced ? 1 : 0) + (e.specs ? 1 : 0) + (e.facts?.length ?? 0),
    0,
  );
  const aliases = entries.reduce((n, e) => n + e.aliases.length, 0);
  const vendors = new Set(entries.map((e) => e.vendor)).size;
  const models = entries.filter((e) => e.kind === 'model').length;
  console.log(
    `knowledge:check OK: ${entries.length} entries (${models} models) from ${vendors} vendors in ${files.length} files; ` +
      `${aliases} aliases, ${facts} sourced facts; ${nonModel} known non-model names.`,
  );
}
