import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import { compileIndex, type CompiledIndex } from '../../src/knowledge/compile';
import { indexScriptFor } from '../../src/knowledge/pack-index';
import { readKnowledgeDir } from '../../src/knowledge/load';
import { createMatcher, match } from '../../src/core/matcher';
import { indexFingerprint } from '../../src/knowledge/fingerprint';

const { entries } = readKnowledgeDir('src/knowledge/entries');
const index = compileIndex(entries);

/** Run the page script as the browser does and read the global it sets. */
function load(script: string): CompiledIndex {
  const g: Record<string, unknown> = {};
  g.globalThis = g;
  runInNewContext(script, g);
  return g.__IDX__ as CompiledIndex;
}

describe('packed index (knowledge-index.js)', () => {
  const script = indexScriptFor(index, '__IDX__');
  const loaded = load(script);

  it('builds the alias table on first use', () => {
    const fresh = load(script);
    expect(typeof Object.getOwnPropertyDescriptor(fresh, 'keys')?.get).toBe('function');
    expect(fresh.keys).toEqual(index.keys);
    expect(Object.getOwnPropertyDescriptor(fresh, 'keys')?.value).toBe(fresh.keys);
  });

  it('rebuilds the compiled index exactly (forms without repeats)', () => {
    const seen = new Set<string>();
    const forms = index.forms.filter((f) => !seen.has(JSON.stringify(f)) && !!seen.add(JSON.stringify(f)));
    expect(loaded).toEqual({ ...index, forms });
    expect(loaded.source).toBe(index.source);
  });

  it('matches like the unpacked index', () => {
    const text = 'We compared GPT-4o, Claude 3.5 Sonnet, Llama-3.1-70B-Instruct, Qwen2.5-VL-7B and Yi-34B-Chat.';
    expect(match(text, createMatcher(loaded))).toEqual(match(text, createMatcher(index)));
  });

  it('writes the entity and alias tables in far less than their JSON', () => {
    // The expression source is written out whole (pack-index.ts); the rest of the script is the tables.
    const tables = JSON.stringify({ ...index, source: '' }).length;
    expect(script.length - JSON.stringify(index.source).length).toBeLessThan(tables * 0.6);
  });

  it('keeps flags and case-kept text', () => {
    const flagged = Object.entries(index.keys).filter(([, v]) => v[1]);
    expect(flagged.length).toBeGreaterThan(10);
    for (const [k, v] of flagged) expect(loaded.keys[k]).toEqual(v);
  });

  it('decodes on first read, once, and carries the build-time fingerprint', () => {
    const g: Record<string, unknown> = {};
    g.globalThis = g;
    runInNewContext(script, g);
    expect(typeof Object.getOwnPropertyDescriptor(g, '__IDX__')?.get).toBe('function');
    const first = g.__IDX__ as CompiledIndex;
    expect(Object.getOwnPropertyDescriptor(g, '__IDX__')?.value).toBe(first);
    expect(g.__IDX__).toBe(first);
    const fp = (first as unknown as { fp: string }).fp;
    expect(fp).toMatch(/^[0-9a-f]+:\d+$/);
    // The constant is the hash the runtime would compute, and it is not part of the index's data.
    expect(fp).toBe(indexFingerprint({ ...first }));
    expect(Object.keys(first)).not.toContain('fp');
  });
});
