import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasSearch, canonical, HEAD_LOOKALIKES, type AliasSearch } from '../../src/core/alias-search';
import { HEAD_CHARS } from '../../src/core/index-format';
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
  // Where the tail decides: an underscore, a version or bit count after a number, a snapshot date.
  out.push(keys.map((k) => `${k}_q, ${k}_7b ${k}.7 ${k}-4bit ${k} bits ${k}-20250101 ${k}-2025-01-01x ${k}x`).join(' '));
  for (const dir of [resolve(import.meta.dirname, '../../../shared/corpus/dev/pages'), resolve(import.meta.dirname, '../fixtures/pages')])
    if (existsSync(dir)) for (const f of readdirSync(dir).filter((x) => /\.(html|md|txt)$/.test(x))) out.push(readFileSync(join(dir, f), 'utf8').replace(/<[^>]+>/g, ' '));
  return out;
}

describe('alias search (the expression compiled group by group)', () => {
  it('splits the bundled expression into small groups, one for each key', () => {
    const split = bundled.split!;
    expect(split.groups.length).toBeGreaterThan(100);
    const keys = split.groups.map(([k]) => k);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^\S{1,3}$/);
    for (const k of keys) expect(canonical(k)).toBe(k);
    // Every alias key starts with a group key.
    for (const a of Object.keys(bundled.keys)) expect(keys.some((k) => canonical(a).startsWith(k)), a).toBe(true);
    // The alternatives lie inside the trie; the tail (DATE and END) ends the source.
    for (const [key, end, heads, ...spans] of split.groups) {
      expect([0, 1]).toContain(end);
      for (const h of heads ? heads.split('|') : []) expect(h.startsWith(key), `${key}: ${h}`).toBe(true);
      for (let i = 0; i < spans.length; i += 2) expect(spans[i] < spans[i + 1] && spans[i + 1] <= split.tail).toBe(true);
    }
    expect(bundled.source.slice(split.tail).startsWith('(?:[')).toBe(true);
    expect(() => new RegExp(split.finder, 'gi')).not.toThrow();
  });

  it('proposes at most one group at any place', () => {
    const finder = new RegExp(bundled.split!.finder.replace(/^\(\?<!\[[^\]]*\]\)\(\?=\((.*)\)\)$/, '$1'), 'i');
    const alts = bundled.split!.finder.slice(bundled.split!.finder.indexOf('(?=(') + 4, -2);
    expect(finder.source.length).toBe(alts.length);
    // Each key, followed by what its own aliases and its neighbours' could need next.
    const probes = Object.keys(bundled.keys).flatMap((k) => [k, k.replace(/ /g, '-'), k.slice(0, 4) + ' 5', k.slice(0, 2) + '1']);
    const parts = alts.split(/\|(?![^[]*\])(?![^(]*\))/);
    let proposed = 0;
    for (const p of probes) {
      const hits = parts.filter((a) => new RegExp(`^(?:${a})`, 'i').test(p));
      expect(hits.length, `${p}: ${hits.join(' , ')}`).toBeLessThanOrEqual(1);
      proposed += hits.length;
    }
    expect(proposed).toBeGreaterThan(probes.length / 3);
  });

  it('finds exactly what the whole expression finds', () => {
    for (const index of [bundled, compileIndex(fixtureEntries)]) {
      const whole = new RegExp(index.source, 'gi');
      expect(index.split).toBeDefined();
      const split = aliasSearch(index);
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
    const s = aliasSearch(bundled);
    s.lastIndex = 0;
    const r = s.exec('We tried GPT-5.4 and Claude Opus 4.6.')!;
    expect(r[0]).toBe('GPT-5.4');
    expect(s.lastIndex).toBe(r.index + r[0].length);
    s.lastIndex = 17;
    expect(s.exec('We tried GPT-5.4 and Claude Opus 4.6.')![0]).toBe('Claude Opus 4.6');
    expect(s.exec('We tried GPT-5.4 and Claude Opus 4.6.')).toBeNull();
    expect(s.lastIndex).toBe(0);
  });

  it('uses the whole expression when the index has no split', () => {
    expect(all(aliasSearch({ source: '(?:gpt|bard)' }), 'GPT and Bard')).toEqual([
      [0, 'GPT'],
      [8, 'Bard'],
    ]);
  });

  it('knows every character the "i" flag takes for a letter of a word', () => {
    const head = new RegExp(`^[${HEAD_CHARS}]$`);
    const letters = [...Array(0x10000).keys()].map((i) => String.fromCharCode(i)).filter((c) => head.test(c));
    const byCanon = new Map(letters.map((c) => [canonical(c), c]));
    let n = 0;
    for (let i = 0; i < 0x10000; i++) {
      const c = String.fromCharCode(i);
      if (head.test(c) || /[\ud800-\udfff]/.test(c)) continue;
      const twin = byCanon.get(canonical(c));
      if (twin && new RegExp(`^[${twin}]$`, 'i').test(c)) {
        n++;
        expect(HEAD_LOOKALIKES.test(c), `U+${i.toString(16)} matches ${twin}`).toBe(true);
      }
    }
    expect(n).toBeGreaterThan(10);
  });

  it('compares characters as the "i" flag does', () => {
    expect(canonical('a')).toBe('A');
    expect(canonical('ı')).toBe('I');
    expect(canonical('ß')).toBe('ß');
    expect(canonical('é')).toBe('É');
    expect(canonical('gPt')).toBe('GPT');
  });
});
