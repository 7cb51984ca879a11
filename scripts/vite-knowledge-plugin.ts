/**
 * Build-time knowledge: validates src/knowledge/entries/*.json (a bad entry fails the build with
 * file, entry id, field and reason) and produces
 *   knowledge-index.js         the compact alias index, a content script of its own listed before
 *                              the main one (data apart from code; no fetch, nothing web-accessible)
 *   virtual:modellens-entries  all entries by id (background, read on first hover)
 *   virtual:modellens-knowledge-date  the newest `reviewed` day ("Knowledge as of", popup and browser)
 *   virtual:modellens-index    the same index whole, with its fingerprint (background: the first
 *                              stage's probe, src/background/probe.ts)
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileIndex } from '../src/knowledge/compile';
import { indexScriptFor } from '../src/knowledge/pack-index';
import { indexFingerprint } from '../src/knowledge/fingerprint';
import type { BundledIndex } from '../src/background/probe';
import { readKnowledgeDir } from '../src/knowledge/load';
import { formatIssue } from '../src/knowledge/schema';
import { knowledgeAsOf } from '../src/core/lifecycle';
import { matchKey } from '../src/core/normalize';
import { checkNonModelNames, NON_MODEL_NAMES } from '../src/knowledge/non-model-names';

export const ENTRIES_DIR = process.env.MODELLENS_KNOWLEDGE_DIR ?? resolve(import.meta.dirname ?? __dirname, '../src/knowledge/entries');

const ENTRIES_ID = 'virtual:modellens-entries';
const DATE_ID = 'virtual:modellens-knowledge-date';
const INDEX_ID = 'virtual:modellens-index';
/** The global the index script sets in the content scripts' isolated world. */
export const INDEX_GLOBAL = '__MODELLENS_INDEX__';
export const INDEX_FILE = 'knowledge-index.js';

export function loadValidated(dir = ENTRIES_DIR) {
  const { entries, issues } = readKnowledgeDir(dir);
  // The known non-model names the index compiles in (src/knowledge/non-model-names.json).
  const aliases = new Map<string, string>();
  for (const e of entries) for (const a of e.aliases) aliases.set(matchKey(typeof a === 'string' ? a : a.text), e.id);
  issues.push(...checkNonModelNames('src/knowledge/non-model-names.json', { names: NON_MODEL_NAMES }, aliases).issues);
  if (issues.length) {
    throw new Error(`Knowledge has ${issues.length} problem(s):\n` + issues.map(formatIssue).join('\n'));
  }
  return entries;
}

/** The index as a classic script: `globalThis.__MODELLENS_INDEX__ = <index>`, packed (src/knowledge/pack-index.ts). */
export function indexScript(dir = ENTRIES_DIR): string {
  return indexScriptFor(compileIndex(loadValidated(dir)), INDEX_GLOBAL);
}

export function knowledgePlugin(dir = ENTRIES_DIR): Plugin {
  return {
    name: 'modellens-knowledge',
    resolveId(id) {
      return id === ENTRIES_ID || id === DATE_ID || id === INDEX_ID ? '\0' + id : null;
    },
    load(id) {
      if (id === '\0' + DATE_ID) {
        this.addWatchFile(dir);
        return `export default ${JSON.stringify(knowledgeAsOf(loadValidated(dir)))};`;
      }
      if (id === '\0' + INDEX_ID) {
        this.addWatchFile(dir);
        const index = compileIndex(loadValidated(dir));
        const bundled: BundledIndex = { ...index, fp: indexFingerprint(index) };
        // JSON.parse of a string literal: parsed faster than the same object as code.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(bundled))});`;
      }
      if (id !== '\0' + ENTRIES_ID) return null;
      const entries = loadValidated(dir);
      // Rebuild when knowledge changes in dev.
      this.addWatchFile(dir);
      const byId = Object.fromEntries(entries.map((e) => [e.id, e]));
      return `export default ${JSON.stringify(byId)};`;
    },
  };
}
