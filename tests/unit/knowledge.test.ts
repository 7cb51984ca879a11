/**
 * Knowledge base: every bundled entry is valid and the cross-entry checks are green; every error
 * class is caught with a precise `file: entry id: field: reason` message (fixtures in
 * tests/fixtures/knowledge/<case>/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aliasKey, aliasText, checkFiles, factsOf } from '../../src/knowledge/check';
import { ENTRIES_DIR, formatIssue, readKnowledgeDir } from '../../src/knowledge/load';
import type { Entry } from '../../src/knowledge/schema';
import { classify, REGISTRY, type Registry } from '../../src/knowledge/sources';

const FIXTURES = fileURLToPath(new URL('../fixtures/knowledge/', import.meta.url));
const TODAY = '2026-11-30';
/** The real day: bundled knowledge may be newer than the fixtures' day. */
const REAL_TODAY = new Date().toISOString().slice(0, 10);

/** The bundled reference and community lists, and one fixture vendor. */
const FIXTURE_REGISTRY: Registry = {
  ...REGISTRY,
  vendors: { acme: { name: 'Acme', domains: ['example.com', 'huggingface.co/acme'] } },
};

/** Issues of one fixture directory, formatted, with file names relative to it. */
function check(name: string, today = TODAY): string[] {
  const dir = join(FIXTURES, name);
  return readKnowledgeDir(dir, { relativeTo: dir, today, registry: FIXTURE_REGISTRY }).issues.map(formatIssue);
}

/** Source-policy warnings of one fixture directory. */
function warnings(name: string): string[] {
  const dir = join(FIXTURES, name);
  return readKnowledgeDir(dir, { relativeTo: dir, today: TODAY, registry: FIXTURE_REGISTRY }).warnings.map(formatIssue);
}

describe('bundled knowledge', () => {
  const { entries, issues, files } = readKnowledgeDir(ENTRIES_DIR, { relativeTo: ENTRIES_DIR });
  const byId = new Map(entries.map((e) => [e.id, e]));
  const aliasOwner = new Map<string, Entry>();
  for (const e of entries) for (const a of e.aliases) aliasOwner.set(aliasKey(aliasText(a)), e);
  const allFacts = entries.flatMap((e) => factsOf(e).map(([path, f]) => ({ e, path, f })));

  it('is valid and cross-checks green', () => {
    expect(issues.map(formatIssue)).toEqual([]);
  });

  it('every file declares the editor schema', () => {
    for (const f of files)
      expect(JSON.parse(readFileSync(join(ENTRIES_DIR, f), 'utf8')).$schema, f).toBe('../../../knowledge/schema.json');
  });

  it('is broad: 200+ models from 15+ vendors, with families, codenames, products and events', () => {
    const models = entries.filter((e) => e.kind === 'model');
    expect(models.length).toBeGreaterThanOrEqual(200);
    expect(new Set(models.map((e) => e.vendor)).size).toBeGreaterThanOrEqual(15);
    for (const kind of ['family', 'codename', 'product', 'event'])
      expect(entries.some((e) => e.kind === kind), kind).toBe(true);
  });

  it('no fact is dated after its asOf or after today; every source was read on a day, after it was published', () => {
    for (const { e, path, f } of allFacts) {
      if (f.source.published) expect(f.source.published <= f.asOf, `${e.id} ${path}`).toBe(true);
      if (f.source.published) expect(f.source.published <= f.source.retrieved, `${e.id} ${path}`).toBe(true);
      expect(f.source.retrieved <= REAL_TODAY, `${e.id} ${path}`).toBe(true);
      expect(f.asOf <= REAL_TODAY, `${e.id} ${path}`).toBe(true);
    }
  });

  it('source policy: no lifecycle from a reference, no confirmed fact off the vendor\'s domains', () => {
    for (const e of entries) {
      const vendor = e.id.split('/')[0];
      if (e.lifecycle) expect(classify(e.lifecycle.source.url).class, `${e.id} lifecycle`).not.toBe('reference');
      for (const ev of e.timeline ?? []) expect(classify(ev.source.url).class, `${e.id} timeline`).not.toBe('reference');
      for (const [path, f] of factsOf(e))
        if (f.status === 'confirmed') expect(classify(f.source.url), `${e.id} ${path}`).toMatchObject({ class: 'vendor', vendor });
    }
  });

  it('every entry has a reviewed day, no earlier than the sources it was checked against', () => {
    for (const e of entries) {
      expect(e.reviewed <= REAL_TODAY, e.id).toBe(true);
      for (const [path, f] of factsOf(e)) expect(f.source.retrieved <= e.reviewed, `${e.id} ${path}`).toBe(true);
    }
  });

  it.each([
    ['Claude Code', 'anthropic/claude-code'],
    ['Claude Opus 4.6', 'anthropic/claude-opus-4-6'],
    ['Opus 4.6', 'anthropic/claude-opus-4-6'],
    ['claude-opus-4-6', 'anthropic/claude-opus-4-6'],
    ['Claude Opus 4.7', 'anthropic/claude-opus-4-7'],
    ['Claude Sonnet 4.8', 'anthropic/claude-sonnet-4-8'],
    ['Sonnet 4.8', 'anthropic/claude-sonnet-4-8'],
    ['Claude Opus 4.8', 'anthropic/claude-opus-4-8'],
    ['Claude Sonnet 5', 'anthropic/claude-sonnet-5'],
    ['Claude Fable 5', 'anthropic/claude-fable-5'],
    ['Mythos', 'anthropic/mythos'],
    ['Claude Mythos Preview', 'anthropic/claude-mythos-preview'],
    ['Claude Mythos 5', 'anthropic/claude-mythos-5'],
    ['Project Glasswing', 'anthropic/project-glasswing'],
    ['Capybara', 'anthropic/capybara'],
    ['Tengu', 'anthropic/tengu'],
    ['Fennec', 'anthropic/fennec'],
    ['Numbat', 'anthropic/numbat'],
    ['KAIROS', 'anthropic/kairos'],
    ['GPT-5.4', 'openai/gpt-5.4'],
    ['GPT 5.4', 'openai/gpt-5.4'],
    ['gpt-5.4-mini', 'openai/gpt-5.4-mini'],
    ['GPT-5.4 nano', 'openai/gpt-5.4-nano'],
    ['GPT-5.4 Pro', 'openai/gpt-5.4-pro'],
    ['Gemini 2.5 Pro', 'google/gemini-2.5-pro'],
    ['Gemini 2.5 Flash', 'google/gemini-2.5-flash'],
    ['Gemini 2.5', 'google/gemini-2.5'],
    ['Gemini', 'google/gemini'],
    ['Claude', 'anthropic/claude'],
    ['GPT', 'openai/gpt'],
    ['Claude Mythos leak', 'anthropic/cms-leak-2026-03'],
    ['Claude Code leak', 'anthropic/claude-code-source-map-leak-2026-03-31'],
    ['Llama-3.1-8B-Instruct', 'meta/llama-3.1-8b'],
    ['Meta-Llama-3.1-405B-Instruct', 'meta/llama-3.1-405b'],
    ['Qwen3-235B-A22B', 'alibaba/qwen3-235b-a22b'],
    ['Strawberry', 'openai/strawberry'],
    ['Orion', 'openai/orion'],
  ])('seed term %s → %s', (alias, id) => {
    expect(aliasOwner.get(aliasKey(alias))?.id).toBe(id);
  });

  it('every seed entry carries sourced facts beyond its lifecycle', () => {
    for (const id of [
      'anthropic/claude-code', 'anthropic/claude-opus-4-6', 'anthropic/claude-opus-4-7', 'anthropic/claude-sonnet-4-8',
      'anthropic/mythos', 'anthropic/capybara', 'anthropic/tengu', 'anthropic/fennec', 'anthropic/numbat', 'anthropic/kairos',
      'openai/gpt-5.4', 'google/gemini-2.5-pro', 'google/gemini-2.5-flash', 'anthropic/cms-leak-2026-03',
      'anthropic/claude-code-source-map-leak-2026-03-31',
    ])
      expect(factsOf(byId.get(id)!).length, id).toBeGreaterThan(1);
  });

  it('cards tell confirmed, reported, disputed and never-shipped apart', () => {
    const statuses = (id: string) => new Set(factsOf(byId.get(id)!).map(([, f]) => f.status));
    expect(statuses('anthropic/capybara')).toContain('disputed');
    expect(statuses('anthropic/mythos')).toContain('reported');
    expect(statuses('anthropic/mythos')).toContain('disputed');
    expect(allFacts.some(({ f }) => f.status === 'confirmed')).toBe(true);
    expect(byId.get('anthropic/claude-sonnet-4-8')!.lifecycle).toMatchObject({ value: 'never-shipped', status: 'never-shipped' });
    expect(byId.get('anthropic/fennec')!.lifecycle!.status).toBe('rumored');
  });

  it('shows the corrections to the seed post', () => {
    const text = (id: string) => (byId.get(id)!.facts ?? []).map((f) => f.value).join('\n');
    expect(text('anthropic/claude-opus-4-7')).toMatch(/16 Apr 2026/);
    expect(text('anthropic/claude-sonnet-4-8')).toMatch(/never shipped/);
    expect(text('anthropic/cms-leak-2026-03')).toMatch(/December 2025/);
    expect(text('anthropic/claude-code-source-map-leak-2026-03-31')).toMatch(/separate from the CMS leak/);
    expect(text('anthropic/mythos')).toMatch(/26 Mar 2026[\s\S]*7 Apr 2026[\s\S]*9 Jun 2026/);
  });

  it('ordinary words need AI context; short o-series ids are case-exact', () => {
    const alias = (text: string) =>
      aliasOwner.get(aliasKey(text))!.aliases.find((a) => aliasKey(aliasText(a)) === aliasKey(text))!;
    for (const word of ['Claude', 'Gemini', 'Llama', 'Mistral', 'Opus', 'Sonnet', 'Haiku', 'Phi', 'PaLM', 'Bard', 'Falcon',
      'Whisper', 'Grok', 'Kimi', 'Gemma', 'Nova', 'Command', 'Mythos', 'Capybara', 'Fennec', 'Numbat', 'Tengu', 'KAIROS',
      'Strawberry', 'Orion'])
      expect(alias(word), word).toMatchObject({ context: true });
    for (const id of ['o1', 'o3']) expect(alias(id), id).toMatchObject({ case: 'exact', context: true });
  });

  it('families carry version forms so unknown versions become family mentions', () => {
    expect(byId.get('openai/gpt')!.versionForms).toContain('GPT-{v}');
    expect(byId.get('anthropic/claude-opus')!.versionForms).toEqual(expect.arrayContaining(['Claude Opus {v}', 'Opus {v}']));
    expect(byId.get('google/gemini')!.versionForms).toContain('Gemini {v}');
    expect(byId.get('meta/llama')!.versionForms).toContain('Llama {v}');
  });

  it('models.dev-derived facts are marked as such and credited', () => {
    const imported = allFacts.filter(({ f }) => f.source.url === 'https://models.dev/');
    expect(imported.length).toBeGreaterThan(200);
    for (const { f } of imported) {
      expect(f.source.title).toMatch(/^models\.dev — models\//);
      expect(f.status).toBe('reported');
    }
  });
});

describe('knowledge checks report each error class precisely', () => {
  it('a valid fixture (with a properly shared alias) has no issues', () => {
    expect(check('valid')).toEqual([]);
  });

  it('bad field values', () => {
    expect(check('bad-field')).toEqual([
      'models.json: acme/rocket-1: kind: must be one of model, family, codename, product, event',
      'models.json: Acme Rocket 2: id: must be a lowercase id "vendor/slug"',
      'models.json: Acme Rocket 2: lifecycle.value: must be one of ga, preview, limited, announced, deprecated, retired, never-shipped, codename, occurred',
    ]);
  });

  it('a fact without a source', () => {
    expect(check('missing-source')).toEqual([
      'models.json: acme/rocket-1: facts.0.source: Invalid key: Expected "source" but received undefined',
    ]);
  });

  it('duplicate ids across files', () => {
    expect(check('duplicate-id')).toEqual(['b.json: acme/rocket-1: id: duplicate id, first defined in a.json']);
  });

  it('aliases claimed twice, repeated, or shared with disagreeing preferences', () => {
    expect(check('alias-conflict')).toEqual([
      'models.json: acme/rocket-2: aliases.3: alias "Rocket 2" repeats aliases.0 of the same entry',
      'models.json: acme/rocket-1: aliases.1: alias "Rocket Pro" is also claimed by acme/rocket-2 (models.json); declare "shared" on every claimant or remove one',
      'models.json: acme/rocket-2: aliases.1: alias "rocket pro" is also claimed by acme/rocket-1 (models.json); declare "shared" on every claimant or remove one',
      'models.json: acme/rocket-1: aliases.2.shared.prefer: shared alias "Blast" prefers acme/rocket-1 here but another entry in acme/rocket-2 (models.json); every claimant must prefer the same entry',
      'models.json: acme/rocket-2: aliases.2.shared.prefer: shared alias "Blast" prefers acme/rocket-2 here but another entry in acme/rocket-1 (models.json); every claimant must prefer the same entry',
    ]);
  });

  it('dangling and self links', () => {
    expect(check('dangling-link')).toEqual([
      'models.json: acme/rocket-1: family: links to unknown entry "acme/rocket"',
      'models.json: acme/rocket-1: successor: links to unknown entry "acme/rocket-2"',
      'models.json: acme/rocket-1: related.0: links to itself',
      'models.json: acme/rocket-1: related.1: links to unknown entry "acme/booster"',
    ]);
  });

  it('dates in the future of asOf, and asOf in the future of today', () => {
    expect(check('future-date')).toEqual([
      'models.json: acme/rocket-1: lifecycle.source.published: published 2026-02-01 is after asOf 2026-01-10',
      'models.json: acme/rocket-1: released.value: date 2026-03-01 is after asOf 2026-01-10',
      'models.json: acme/rocket-1: facts.0.asOf: asOf 2027-01-01 is in the future (today is 2026-11-30)',
    ]);
    // The same file is fine once that day has come.
    expect(check('future-date', '2027-01-01')).toHaveLength(2);
  });

  it('a source without the day it was read', () => {
    expect(check('missing-retrieved')).toEqual([
      'models.json: acme/rocket-1: lifecycle.source.retrieved: Invalid key: Expected "retrieved" but received undefined',
    ]);
  });

  it('an entry without a reviewed day', () => {
    expect(check('missing-reviewed')).toEqual(['models.json: acme/rocket-1: reviewed: Invalid key: Expected "reviewed" but received undefined']);
  });

  it('a page published after it was read', () => {
    expect(check('published-after-retrieved')).toEqual([
      'models.json: acme/rocket-1: released.source.published: published 2026-03-01 is after retrieved 2026-02-01',
    ]);
  });

  it('confirmed from an outlet: only the vendor\'s own domains confirm', () => {
    expect(check('confirmed-outlet')).toEqual([
      "models.json: acme/rocket-1: facts.0.status: confirmed needs a source on Acme's own domains; news.example.net is an outlet source, so reported at most",
    ]);
  });

  it('confirmed from a community host (a wiki; a re-upload outside the vendor\'s Hugging Face org)', () => {
    // facts.1 is on the vendor's own Hugging Face organisation and may confirm.
    expect(check('confirmed-community')).toEqual([
      'models.json: acme/rocket-1: facts.0.status: confirmed from a community source (aiwiki.ai: wiki); a community page can only report',
      "models.json: acme/rocket-1: facts.2.status: confirmed from a community source (huggingface.co: repositories outside the vendors' organisations: re-uploads, fine-tunes); a community page can only report",
    ]);
  });

  it('a lifecycle or a timeline event sourced to a reference (models.dev, arXiv)', () => {
    expect(check('reference-lifecycle')).toEqual([
      "models.json: acme/rocket-1: lifecycle.source: models.dev is a reference source and never sources a lifecycle; cite the vendor's page or an outlet",
      "models.json: acme/rocket-1: timeline.0.source: arxiv.org is a reference source and never sources a lifecycle; cite the vendor's page or an outlet",
    ]);
  });

  it('a vendor missing from the registry, or named differently', () => {
    expect(check('unknown-vendor')).toEqual([
      'models.json: zeta/spark-1: id: vendor "zeta" is not in the source registry (src/knowledge/vendors.json)',
      'models.json: acme/rocket-2: vendor: "ACME Corp" differs from the registry\'s name "Acme" for acme',
    ]);
  });

  it('timeline events out of order', () => {
    expect(check('timeline-order')).toEqual([
      'models.json: acme/rocket-1: timeline.1.date: events must be sorted by date: 2026-01-05 comes after 2026-03-01',
    ]);
  });

  it('a shutdown date on an event that is not a deprecation, or before it', () => {
    expect(check('timeline-shutdown')).toEqual([
      'models.json: acme/rocket-1: timeline.0.shutdown: only a deprecated event has a shutdown date',
      'models.json: acme/rocket-1: timeline.1.shutdown: shutdown must not be before the deprecation',
    ]);
  });

  it('a lifecycle that disagrees with its timeline on the reviewed day (snapshot events do not count)', () => {
    expect(check('lifecycle-timeline')).toEqual([
      'models.json: acme/rocket-1: lifecycle.value: lifecycle "ga" disagrees with the timeline, which gives "retired" on reviewed 2026-10-01',
    ]);
  });

  it('warnings: a release date from a reference only, a community source; neither fails the check', () => {
    expect(check('policy-warnings')).toEqual([]);
    expect(warnings('policy-warnings')).toEqual([
      'models.json: acme/rocket-1: released.source: date sourced only to a reference (models.dev); confirm it with a vendor page or model card',
      'models.json: acme/rocket-1: facts.0.source: community source (aiwiki.ai: wiki); replace it with a vendor page or a named outlet',
    ]);
    expect(warnings('valid')).toEqual([]);
  });

  it('files that are not {"entries": [...]}', () => {
    expect(check('not-array')).toEqual([
      'object.json: -: entries: must be an object with an "entries" array',
      'toplevel.json: -: entries: must be an object with an "entries" array',
    ]);
  });

  it('files that are not JSON', () => {
    const issues = check('invalid-json');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^broken\.json: -: \(file\): invalid JSON: /);
  });

  it('a deliberately corrupted copy of the real knowledge fails with precise messages', () => {
    const file = 'anthropic.json';
    const data = JSON.parse(readFileSync(join(ENTRIES_DIR, file), 'utf8'));
    const opus = data.entries.find((e: Entry) => e.id === 'anthropic/claude-opus-4-6');
    delete opus.released.source;
    data.entries.find((e: Entry) => e.id === 'anthropic/claude-opus-4-7').successor = 'anthropic/claude-opus-9';
    data.entries.push({ ...data.entries.find((e: Entry) => e.id === 'anthropic/capybara') });
    const issues = checkFiles([{ file, data }], { today: TODAY }).issues.map(formatIssue);
    expect(issues).toContain('anthropic.json: anthropic/claude-opus-4-6: released.source: Invalid key: Expected "source" but received undefined');
    expect(issues).toContain('anthropic.json: anthropic/claude-opus-4-7: successor: links to unknown entry "anthropic/claude-opus-9"');
    expect(issues).toContain('anthropic.json: anthropic/capybara: id: duplicate id, first defined in anthropic.json');
    // Each problem is reported once: a broken entry is not reported again as a dangling link target,
    // a duplicated entry not again for each of its aliases.
    expect(issues).toHaveLength(3);
  });
});
