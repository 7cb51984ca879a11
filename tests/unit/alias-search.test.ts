import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasSearch, canonical, splitSource, type AliasSearch } from '../../src/core/alias-search';
import { sourceCuts } from '../../src/knowledge/split-source';
import { compileIndex } from '../../src/knowledge/compile';
import { readKnowledgeDir } from '../../src/knowledge/load';
import { ENTRIES_DIR } from '../../scripts/vite-knowledge-plugin';
import { fixtureEntries } from './fixture-index';

const all = (s: AliasSearch, text: string) => {
  const out: [number, string][] = [];
  s.lastIndex = 0;
  for (let r = s.exec(text); r; r = s.exec(text)) out.push([r.index, r[0]]);
  return out;
};

const bundled = compileIndex(readKnowledgeDir(ENTRIES_DIR).entries);

/** Every alias key in a sentence, as written, in capitals and capitalised; plus real page text. */
function texts(index: typeof bundled): string[] {
  const keys = Object.keys(index.keys);
  const cap = (k: string) => k.replace(/(^|\s)(\p{L})/gu, (_, a, b) => a + b.toUpperCase());
  const out = [keys.map((k) => `We tried ${k} today.`).join(' '), keys.map((k) => `(${k.toUpperCase()}) and ${cap(k)}-2 or ${k}5`).join('\n')];
  for (const dir of [resolve(import.meta.dirname, '../../../shared/corpus/dev/pages'), resolve(import.meta.dirname, '../fixtures/pages')])
    if (existsSync(dir)) for (const f of readdirSync(dir).filter((x) => /\.(html|md|txt)$/.test(x))) out.push(readFileSync(join(dir, f), 'utf8').replace(/<[^>]+>/g, ' '));
  return out;
}

describe('alias search (the expression compiled branch by branch)', () => {
  it('splits the bundled expression by first character', () => {
    expect(bundled.cuts).toEqual(sourceCuts(bundled.source));
    const parts = splitSource(bundled.source, bundled.cuts!);
    expect(parts.branches.size).toBeGreaterThan(10);
    // The pieces put back together are the source.
    const all = [...parts.branches.values()].flat();
    expect(all.length).toBe(bundled.cuts!.length - 3);
    expect(`${parts.finder}(?:${bundled.cuts!.slice(2, -1).map((c, i, a) => bundled.source.slice(c, i + 1 < a.length ? a[i + 1] - 1 : bundled.cuts!.at(-1))).join('|')})${parts.tail}`).toBe(bundled.source);
  });

  it('finds exactly what the whole expression finds', () => {
    for (const index of [bundled, compileIndex(fixtureEntries)]) {
      const whole = new RegExp(index.source, 'gi');
      expect(index.cuts).toBeDefined();
      const split = aliasSearch(index.source, index.cuts);
      let n = 0;
      for (const t of texts(index)) {
        const want = all(whole, t);
        n += want.length;
        expect(all(split, t)).toEqual(want);
      }
      expect(n).toBeGreaterThan(100);
    }
  }, 60_000);

  it('keeps a global RegExp’s lastIndex contract', () => {
    const s = aliasSearch(bundled.source, bundled.cuts);
    s.lastIndex = 0;
    const r = s.exec('We tried GPT-5.4 and Claude Opus 4.6.')!;
    expect(r[0]).toBe('GPT-5.4');
    expect(s.lastIndex).toBe(r.index + r[0].length);
    s.lastIndex = 17;
    expect(s.exec('We tried GPT-5.4 and Claude Opus 4.6.')![0]).toBe('Claude Opus 4.6');
    expect(s.exec('We tried GPT-5.4 and Claude Opus 4.6.')).toBeNull();
    expect(s.lastIndex).toBe(0);
  });

  it('falls back to the whole expression when the source has another shape', () => {
    expect(sourceCuts('(?:a|b)')).toBeUndefined();
    expect(sourceCuts('(?<![a])(?=[ab])(?:a|[b]c)')).toBeUndefined();
    expect(all(aliasSearch('(?:gpt|bard)'), 'GPT and Bard')).toEqual([
      [0, 'GPT'],
      [8, 'Bard'],
    ]);
  });

  it('compares characters as the "i" flag does', () => {
    expect(canonical('a')).toBe('A');
    expect(canonical('ı')).toBe('I');
    expect(canonical('ß')).toBe('ß');
    expect(canonical('é')).toBe('É');
  });
});
