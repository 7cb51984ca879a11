/** Settings: per-field sanitising, the v1 → v2 migration, site rules and what the page applies. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings } from '../../src/settings/defaults';
import { MIGRATIONS, sanitize, setSiteEnabled } from '../../src/settings/schema';
import { hostMatches, normalizeHost, siteEnabled } from '../../src/settings/sites';
import { aliasFilter, badgeText, countEntities, entityFilter, groupByVendor, needsRescan } from '../../src/settings/apply';
import { compileIndex } from '../../src/knowledge/compile';
import { fixtureEntries } from './fixture-index';

describe('sanitize', () => {
  it('gives defaults, silently, when nothing is stored', () => {
    expect(sanitize(null)).toEqual({ settings: defaultSettings(), problems: [] });
    expect(sanitize(undefined).problems).toEqual([]);
  });

  it('keeps good fields and resets only the bad ones, naming each', () => {
    const { settings, problems } = sanitize({
      style: 'sparkly',
      firstMentionOnly: true,
      mutedTerms: ['Gemini', 'Gemini', ' o3 '],
      deny: ['https://News.Example.com/path', 'not a host!'],
      strictness: 'page',
      categories: { models: true, codenames: 'yes', products: true },
      surprise: 1,
    });
    expect(settings.style).toBe('underline');
    expect(settings.firstMentionOnly).toBe(true);
    expect(settings.mutedTerms).toEqual(['Gemini', 'o3']);
    expect(settings.deny).toEqual(['news.example.com']);
    expect(settings.strictness).toBe('page');
    expect(settings.categories).toEqual(DEFAULT_SETTINGS.categories);
    expect(problems.map((p) => p.field).sort()).toEqual(['categories', 'style', 'surprise']);
    expect(problems.find((p) => p.field === 'style')!.reason).toMatch(/sparkly/);
  });

  it('rejects a value that is not an object as a whole', () => {
    for (const raw of ['garbage', 42, [1, 2], true]) {
      const r = sanitize(raw);
      expect(r.settings).toEqual(defaultSettings());
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0].field).toBe('settings');
    }
  });

  it('never shares the frozen defaults', () => {
    const s = defaultSettings();
    s.mutedTerms.push('x');
    s.categories.models = false;
    expect(DEFAULT_SETTINGS.mutedTerms).toEqual([]);
    expect(DEFAULT_SETTINGS.categories.models).toBe(true);
  });

  it('caps lists so corrupt data cannot grow without bound', () => {
    const r = sanitize({ mutedTerms: Array.from({ length: 600 }, (_, i) => `t${i}`) });
    expect(r.problems.map((p) => p.field)).toEqual(['mutedTerms']);
    expect(r.settings.mutedTerms).toEqual([]);
  });
});

describe('migration v1 → v2', () => {
  it('maps the flat v1 shape onto v2 without losing a setting', () => {
    const v1 = { kinds: ['model', 'codename'], style: 'none', firstOnly: true, muted: 'Gemini, o3 ,', disabledSites: ['example.com'], strict: false };
    const v2 = MIGRATIONS[2](v1);
    const { settings, problems } = sanitize(v2);
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      ...defaultSettings(),
      categories: { models: true, codenames: true, products: false },
      style: 'hover',
      firstMentionOnly: true,
      mutedTerms: ['Gemini', 'o3'],
      deny: ['example.com'],
      strictness: 'off',
    });
  });

  it('never throws on garbage; sanitize reports what it could not read', () => {
    for (const raw of [null, 'x', 3, [], { kinds: 'model', muted: 5 }]) expect(() => MIGRATIONS[2](raw)).not.toThrow();
    const r = sanitize(MIGRATIONS[2]({ kinds: 'model', muted: 5 }));
    expect(r.problems.map((p) => p.field).sort()).toEqual(['categories', 'mutedTerms']);
  });

  it('passes a value that is already v2 through unchanged', () => {
    const v2 = { ...defaultSettings(), style: 'background', deny: ['a.com'] };
    expect(sanitize(MIGRATIONS[2](v2)).settings).toEqual(v2);
  });
});

describe('sites', () => {
  it('normalises hosts from what people paste', () => {
    expect(normalizeHost('https://www.Example.com:8080/a?b')).toBe('www.example.com');
    expect(normalizeHost('*.example.com')).toBe('example.com');
    expect(normalizeHost('example.com.')).toBe('example.com');
    expect(normalizeHost('not a host')).toBe('');
    expect(normalizeHost('')).toBe('');
  });

  it('a pattern covers its subdomains, not look-alikes', () => {
    expect(hostMatches('www.example.com', 'example.com')).toBe(true);
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('badexample.com', 'example.com')).toBe(false);
  });

  it('deny list, allow list and the popup switch', () => {
    const s = defaultSettings();
    expect(siteEnabled(s, 'news.site')).toBe(true);
    const off = setSiteEnabled(s, 'news.site', false);
    expect(off.deny).toEqual(['news.site']);
    expect(siteEnabled(off, 'news.site')).toBe(false);
    expect(siteEnabled(off, 'other.site')).toBe(true);
    const on = setSiteEnabled(off, 'news.site', true);
    expect(on.deny).toEqual([]);
    expect(siteEnabled(on, 'news.site')).toBe(true);

    const allow = { ...s, siteMode: 'allowlist' as const, allow: ['example.com'] };
    expect(siteEnabled(allow, 'www.example.com')).toBe(true);
    expect(siteEnabled(allow, 'other.site')).toBe(false);
    expect(siteEnabled(setSiteEnabled(allow, 'other.site', true), 'other.site')).toBe(true);
    expect(siteEnabled(setSiteEnabled(allow, 'www.example.com', false), 'www.example.com')).toBe(false);
  });
});

describe('what the page applies', () => {
  const index = compileIndex(fixtureEntries);

  it('categories and muted names or ids filter entities', () => {
    const s = defaultSettings();
    expect(entityFilter(s, index)('anthropic/mythos')).toBe(true);
    expect(entityFilter({ ...s, categories: { ...s.categories, codenames: false } }, index)('anthropic/mythos')).toBe(false);
    expect(entityFilter({ ...s, categories: { ...s.categories, products: false } }, index)('anthropic/claude-code')).toBe(false);
    expect(entityFilter({ ...s, categories: { ...s.categories, models: false } }, index)('openai/gpt')).toBe(false);
    const muted = { ...s, mutedTerms: ['openai/o3', 'gpt-5.4'] };
    expect(entityFilter(muted, index)('openai/o3')).toBe(false);
    expect(entityFilter(muted, index)('openai/gpt-5.4')).toBe(false); // by name, any case
    expect(entityFilter(muted, index)('openai/gpt-5')).toBe(true);
    expect(entityFilter(s, index)('nobody/not-in-the-index')).toBe(false);
    // Asked again, the same answer (each entity is decided once).
    const f = entityFilter(muted, index);
    expect([f('openai/o3'), f('openai/o3'), f('anthropic/mythos'), f('anthropic/mythos')]).toEqual([false, false, true, true]);
  });

  it('a muted wording hides that wording only', () => {
    const keep = aliasFilter({ ...defaultSettings(), mutedTerms: ['Gemini'] });
    expect(keep('gemini')).toBe(false);
    expect(keep('Gemini 2.5 Pro')).toBe(true);
  });

  it('only matching-related changes need a rescan', () => {
    const s = defaultSettings();
    expect(needsRescan(s, { ...s, style: 'background', language: 'de' })).toBe(false);
    expect(needsRescan(s, { ...s, firstMentionOnly: true })).toBe(true);
    expect(needsRescan(s, { ...s, deny: ['x.com'] })).toBe(true);
  });

  it('counts entities and groups them by vendor for the popup', () => {
    const list = countEntities(index, ['openai/gpt-5', 'anthropic/mythos', 'openai/gpt-5', 'openai/o3', 'unknown/x']);
    expect(list[0]).toMatchObject({ id: 'openai/gpt-5', name: 'GPT-5', count: 2 });
    const groups = groupByVendor(list);
    expect(groups[0]).toMatchObject({ vendor: 'openai', total: 3 });
    expect(groups.map((g) => g.vendor)).toEqual(['openai', 'anthropic', 'unknown']);
  });

  it('badge text', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(1234)).toBe('999+');
  });
});
