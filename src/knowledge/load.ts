/**
 * Node-only: read every knowledge file in a directory, validate it (schema.ts) and run the
 * cross-entry checks (check.ts). Used by knowledge:check, knowledge:stats, the importer and tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFiles, type CheckOptions, type FileEntry } from './check';
import type { Entry, EntryIssue } from './schema';

export { formatIssue } from './schema';

export interface ReadOptions extends CheckOptions {
  /** Issue file names are relative to this directory (default: the current working directory). */
  relativeTo?: string;
}

export interface KnowledgeDir {
  entries: Entry[];
  /** Entries with the file they came from, in file then entry order. */
  items: FileEntry[];
  issues: EntryIssue[];
  /** Source-policy warnings (see check.ts sourcePolicy): reported, not failing. */
  warnings: EntryIssue[];
  files: string[];
}

/** The bundled entries directory. */
export const ENTRIES_DIR = fileURLToPath(new URL('./entries', import.meta.url));

/** Read all `*.json` files of `dir` (sorted by name, so results are deterministic) and check them. */
export function readKnowledgeDir(dir: string, opts: ReadOptions = {}): KnowledgeDir {
  const base = opts.relativeTo ?? process.cwd();
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  const parsed: Array<{ file: string; data: unknown }> = [];
  const parseIssues: EntryIssue[] = [];
  for (const name of names) {
    const abs = join(dir, name);
    const file = relative(base, abs) || name;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(abs, 'utf8'));
    } catch (err) {
      parseIssues.push({ file, id: '-', path: '(file)', reason: `invalid JSON: ${(err as Error).message}` });
      continue;
    }
    parsed.push({ file, data });
  }
  const r = checkFiles(parsed, opts);
  return { entries: r.entries, items: r.items, issues: [...parseIssues, ...r.issues], warnings: r.warnings, files: names };
}
