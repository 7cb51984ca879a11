/** UI strings: English and German have the same keys and placeholders, and every key the UI uses exists. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessagesFile } from '@wxt-dev/i18n/build';

const ROOT = join(import.meta.dirname, '../..');
const load = async (lang: string) => {
  const msgs = await parseMessagesFile(join(ROOT, 'locales', `${lang}.yml`));
  return Object.fromEntries(msgs.map((m) => [m.key.join('.'), (m as unknown as { message: string }).message]));
};
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function uiSources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(tsx?|html)$/.test(e.name)) files.push(p);
    }
  };
  walk(join(ROOT, 'src/ui'));
  walk(join(ROOT, 'entrypoints'));
  return files;
}

describe('locales', () => {
  it('German has every English key, with the same placeholders and plural forms', async () => {
    const en = await load('en');
    const de = await load('de');
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) {
      expect(placeholders(de[k]), k).toEqual(placeholders(en[k]));
      expect(de[k].split(' | ').length, k).toBe(en[k].split(' | ').length);
      expect(de[k].trim(), k).not.toBe('');
    }
  });

  it('every key the UI asks for exists, and every manifest __MSG_ key too', async () => {
    const en = await load('en');
    const used = new Set<string>();
    for (const f of uiSources())
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(m[1]);
    for (const m of readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_(\w+)__/g)) used.add(m[1]);
    // Keys passed through label tables ('options.catModels' …) are checked by their quoted form.
    for (const f of uiSources())
      for (const m of readFileSync(f, 'utf8').matchAll(/'((?:options|popup|browser|common)\.[\w]+)'/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(40);
    for (const k of used) expect(en, k).toHaveProperty([k]);
  });
});
