/**
 * npm run knowledge:import [dir]     (default dir: ../shared/reference/models.dev)
 *
 * Reads a models.dev snapshot (MIT, https://models.dev/) and writes or refreshes the spec fields it
 * can vouch for in src/knowledge/entries/*.json:
 *   - `released` (release_date) and `specs` (context, output, modalities, open weights, knowledge
 *     cutoff, reasoning) of entries whose facts are import-owned or missing;
 *   - new model entries (name/API-id aliases, vendor, family link, generated summary) for models
 *     the knowledge lacks.
 * It never writes a lifecycle: models.dev has no lifecycle field, and being listed there says
 * nothing about whether a model is served. Sources carry `retrieved` = the snapshot day and no
 * `published`; new entries are `reviewed` on the snapshot day.
 * Provenance: a fact whose source.url is https://models.dev/ is import-owned; anything else is
 * hand-written and never touched. Aliases, summaries, facts and links of existing entries are
 * never changed. Idempotent and deterministic: running twice changes nothing.
 *
 * This is the only code that reads ../shared; the repository builds and tests without it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { aliasKey, aliasText } from '../src/knowledge/check';
import { ENTRIES_DIR, formatIssue, readKnowledgeDir } from '../src/knowledge/load';
import type { Alias, Entry, Fact, Source } from '../src/knowledge/schema';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SNAPSHOT_DATE = '2026-07-02';
export const MODELS_DEV_URL = 'https://models.dev/';
const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** models.dev lab directory → our vendor name, id prefix and file. */
const LABS: Record<string, { vendor: string; prefix: string }> = {
  alibaba: { vendor: 'Alibaba', prefix: 'alibaba' },
  anthropic: { vendor: 'Anthropic', prefix: 'anthropic' },
  cohere: { vendor: 'Cohere', prefix: 'cohere' },
  deepreinforce: { vendor: 'DeepReinforce', prefix: 'deepreinforce' },
  deepseek: { vendor: 'DeepSeek', prefix: 'deepseek' },
  google: { vendor: 'Google', prefix: 'google' },
  meta: { vendor: 'Meta', prefix: 'meta' },
  minimax: { vendor: 'MiniMax', prefix: 'minimax' },
  mistral: { vendor: 'Mistral AI', prefix: 'mistral' },
  moonshotai: { vendor: 'Moonshot AI', prefix: 'moonshot' },
  nvidia: { vendor: 'NVIDIA', prefix: 'nvidia' },
  openai: { vendor: 'OpenAI', prefix: 'openai' },
  perplexity: { vendor: 'Perplexity', prefix: 'perplexity' },
  sakana: { vendor: 'Sakana AI', prefix: 'sakana' },
  sarvam: { vendor: 'Sarvam AI', prefix: 'sarvam' },
  stepfun: { vendor: 'StepFun', prefix: 'stepfun' },
  tencent: { vendor: 'Tencent', prefix: 'tencent' },
  xai: { vendor: 'xAI', prefix: 'xai' },
  xiaomi: { vendor: 'Xiaomi', prefix: 'xiaomi' },
  zhipuai: { vendor: 'Zhipu AI', prefix: 'zhipu' },
};

/** Files that are moving pointers to another file's model, not models of their own. */
const SKIP = new Set([
  'google/gemini-flash-latest',
  'google/gemini-flash-lite-latest',
  'mistral/mistral-large-latest',
  'mistral/mistral-medium-latest',
  'mistral/mistral-small-latest',
  'mistral/devstral-medium-latest',
]);

/** Our slug where it is not simply the lowercased file name without a date suffix. */
const SLUG: Record<string, string> = {
  'anthropic/claude-opus-4-0': 'claude-opus-4',
  'anthropic/claude-sonnet-4-0': 'claude-sonnet-4',
  'mistral/codestral-latest': 'codestral',
  'mistral/magistral-medium-latest': 'magistral-medium',
  'mistral/pixtral-large-latest': 'pixtral-large',
};

/** Snapshot release dates that contradict the model's own id or history; left out rather than imported. */
const DUBIOUS_RELEASE = new Set([
  'openai/o3-deep-research', // 2024-06-26 predates o3 itself
  'openai/o4-mini-deep-research', // same
  'mistral/mistral-large-2512', // "2512" is December 2025, snapshot says 2024-11-01
  'perplexity/sonar', // placeholder 2024-01-01
  'perplexity/sonar-pro',
  'perplexity/sonar-reasoning-pro',
]);

/** Our family entry for a models.dev (lab, slug, family); linked only if that entry exists. */
function familyFor(prefix: string, slug: string, mdFamily: string): string[] {
  const candidates: string[] = [];
  if (prefix === 'google' && slug.startsWith('gemini-2.5')) candidates.push('google/gemini-2.5');
  if (prefix === 'google' && /^gemini-3(\.\d)?-/.test(slug)) candidates.push('google/gemini-3');
  if (prefix === 'openai' && /^o\d/.test(slug)) candidates.push('openai/o-series');
  if (prefix === 'openai' && slug.startsWith('gpt-oss')) candidates.push('openai/gpt-oss');
  if (prefix === 'openai' && slug.startsWith('gpt-image')) candidates.push('openai/gpt-image');
  if (prefix === 'openai' && slug.startsWith('whisper')) candidates.push('openai/whisper');
  if (prefix === 'openai' && /^gpt-\d/.test(slug)) candidates.push('openai/gpt');
  if (prefix === 'anthropic' && mdFamily) candidates.push(`anthropic/${mdFamily}`);
  if (prefix === 'google' && slug.startsWith('gemini')) candidates.push('google/gemini');
  if (prefix === 'google' && slug.startsWith('gemma')) candidates.push('google/gemma');
  if (prefix === 'meta') candidates.push('meta/llama');
  if (prefix === 'alibaba') candidates.push(slug.startsWith('qwq') ? 'alibaba/qwq' : 'alibaba/qwen');
  if (prefix === 'deepseek') candidates.push('deepseek/deepseek');
  if (prefix === 'mistral') candidates.push(`mistral/${slug.split('-')[0]}`, 'mistral/mistral');
  if (prefix === 'moonshot') candidates.push('moonshot/kimi');
  if (prefix === 'xai') candidates.push(slug.startsWith('grok') ? 'xai/grok' : '');
  if (prefix === 'zhipu') candidates.push('zhipu/glm');
  if (prefix === 'nvidia') candidates.push('nvidia/nemotron');
  if (prefix === 'cohere') candidates.push(slug.startsWith('command') ? 'cohere/command' : '');
  if (prefix === 'perplexity') candidates.push('perplexity/sonar');
  if (prefix === 'xiaomi') candidates.push('xiaomi/mimo');
  if (prefix === 'minimax') candidates.push('minimax/minimax');
  if (prefix === 'stepfun') candidates.push('stepfun/step');
  if (prefix === 'sakana') candidates.push('sakana/fugu');
  if (prefix === 'sarvam') candidates.push('sarvam/sarvam');
  if (prefix === 'tencent') candidates.push('tencent/hunyuan');
  if (prefix === 'deepreinforce') candidates.push('deepreinforce/ornith');
  return candidates.filter(Boolean);
}

interface TomlModel {
  name?: string;
  family?: string;
  release_date?: string;
  knowledge?: string;
  open_weights?: boolean;
  reasoning?: boolean;
  limit?: { context?: number; output?: number };
  modalities?: { input?: string[]; output?: string[] };
}

interface Group {
  id: string;
  lab: string;
  prefix: string;
  vendor: string;
  slug: string;
  primary: { file: string; base: string; model: TomlModel };
  files: Array<{ file: string; base: string; model: TomlModel }>;
}

const source = (lab: string, file: string): Source => ({
  url: MODELS_DEV_URL,
  title: `models.dev — models/${lab}/${file} (snapshot)`,
  retrieved: SNAPSHOT_DATE,
});
const isImportOwned = (f: Fact<unknown> | undefined) => f?.source.url === MODELS_DEV_URL;

const DATED = /-(\d{8}|\d{4}-\d{2}-\d{2})$/;
/** Summaries the importer wrote (and may rewrite); hand-written ones never end like this. */
const GENERATED_SUMMARY = /Specs from models\.dev\.$/;

function readSnapshot(dir: string): Group[] {
  const groups = new Map<string, Group>();
  for (const lab of readdirSync(join(dir, 'models')).sort()) {
    const conf = LABS[lab];
    if (!conf) {
      console.warn(`knowledge:import: skipping unknown lab "${lab}" (add it to LABS)`);
      continue;
    }
    for (const file of readdirSync(join(dir, 'models', lab)).filter((n) => n.endsWith('.toml')).sort()) {
      const base = file.slice(0, -'.toml'.length);
      const key = `${conf.prefix}/${base.toLowerCase()}`;
      if (SKIP.has(key)) continue;
      const model = parse(readFileSync(join(dir, 'models', lab, file), 'utf8')) as TomlModel;
      const slug = SLUG[key] ?? SLUG[`${conf.prefix}/${base.toLowerCase().replace(DATED, '')}`] ?? base.toLowerCase().replace(DATED, '');
      const id = `${conf.prefix}/${slug}`;
      const item = { file, base, model };
      const g = groups.get(id);
      if (!g) groups.set(id, { id, lab, prefix: conf.prefix, vendor: conf.vendor, slug, primary: item, files: [item] });
      else {
        g.files.push(item);
        // The undated file (the vendor's alias for the current snapshot) is the primary one.
        if (DATED.test(g.primary.base) && !DATED.test(base)) g.primary = item;
      }
    }
  }
  return [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function cleanName(name: string): string {
  return name
    .replace(/\s*\((latest|\d{4}-\d{2}-\d{2})\)\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function formatTokens(n: number): string {
  // Decimal when the vendor counts in thousands (128,000 → 128K), binary otherwise (131,072 → 128K).
  if (n % 1000 !== 0 && n % 1024 === 0) n = (n / 1024) * 1000;
  if (n >= 1_000_000) return `${+(n / 1_000_000).toFixed(2)}M`;
  if (n >= 1000) return `${+(n / 1000).toFixed(1)}K`;
  return String(n);
}

function specsOf(m: TomlModel): NonNullable<Entry['specs']>['value'] {
  const s: NonNullable<Entry['specs']>['value'] = {};
  if (m.limit?.context) s.context = m.limit.context;
  if (m.limit?.output) s.output = m.limit.output;
  if (m.modalities?.input?.length) s.input = [...m.modalities.input];
  if (m.modalities?.output?.length) s.outputModalities = [...m.modalities.output];
  if (typeof m.open_weights === 'boolean') s.openWeights = m.open_weights;
  if (m.knowledge && DATE_RE.test(m.knowledge)) s.knowledgeCutoff = m.knowledge;
  if (typeof m.reasoning === 'boolean') s.reasoning = m.reasoning;
  return s;
}

/** The model's name says "preview" (used in the generated summary only, never as a lifecycle). */
function previewByName(g: Group): boolean {
  return /preview/i.test(g.primary.model.name ?? '') || /preview/.test(g.slug);
}

function summaryOf(g: Group, name: string): string {
  const m = g.primary.model;
  const parts: string[] = [];
  const released = !DUBIOUS_RELEASE.has(g.id) && m.release_date && DATE_RE.test(m.release_date) ? m.release_date : undefined;
  let s = `${g.vendor} model${previewByName(g) ? ' (preview)' : ''}`;
  if (released) s += ` released ${released}`;
  if (m.limit?.context) parts.push(`${formatTokens(m.limit.context)} context`);
  if (m.limit?.output) parts.push(`${formatTokens(m.limit.output)} output`);
  if (m.open_weights) parts.push('open weights');
  if (m.reasoning) parts.push('reasoning');
  if (parts.length) s += `; ${parts.join(', ')}`;
  s += '. Specs from models.dev.';
  return s.length <= 240 ? s : `${name}: ${g.vendor} model.`;
}

/** Aliases for a new entry: [primary, derived]. */
function aliasesOf(g: Group, name: string): [Alias[], Alias[]] {
  const primary: Alias[] = [];
  const derived: Alias[] = [];
  const mk = (text: string): Alias => {
    if (/^o\d$/.test(text)) return { text, case: 'exact', context: true };
    if (/^o\d-/.test(text)) return { text, case: 'exact' };
    if (/^[A-Za-z]+$/.test(text)) return { text, context: true };
    return text;
  };
  primary.push(mk(name));
  primary.push(mk(g.slug));
  for (const f of g.files) primary.push(mk(f.base));
  const short = name.replace(/\s+preview$/i, '');
  if (short !== name) derived.push(mk(short));
  // Hyphen/space variants people write: "GPT-5.1 Codex" → "GPT 5.1 Codex", "MiniMax-M2.1" → "MiniMax M2.1".
  const spaced = name.replace(/^([A-Za-z]+)-(\d)/, '$1 $2');
  if (spaced !== name) derived.push(mk(spaced));
  if (name.includes('-') && !name.includes(' ')) derived.push(mk(name.replace(/-/g, ' ')));
  const claude = name.match(/^Claude (Opus|Sonnet|Haiku|Fable) ([\d.]+)$/);
  if (claude) derived.push(mk(`${claude[1]} ${claude[2]}`), mk(`Claude ${claude[2]} ${claude[1]}`));
  return [primary, derived];
}

const KEY_ORDER = [
  'id', 'name', 'vendor', 'kind', 'summary', 'aliases', 'versionForms', 'lifecycle', 'timeline', 'released', 'announced',
  'specs', 'family', 'predecessor', 'successor', 'related', 'facts', 'reviewed',
];
const EVENT_ORDER = ['stage', 'date', 'shutdown', 'snapshot', 'note', 'source'];
const FACT_ORDER = ['value', 'source', 'status', 'asOf'];
const SOURCE_ORDER = ['url', 'title', 'published', 'retrieved'];
const SPEC_ORDER = ['context', 'output', 'input', 'outputModalities', 'openWeights', 'knowledgeCutoff', 'reasoning'];

function ordered(o: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (o[k] !== undefined) out[k] = o[k];
  for (const k of Object.keys(o)) if (!(k in out) && o[k] !== undefined) out[k] = o[k];
  return out;
}
function orderFact(f: Fact<unknown>): Fact<unknown> {
  const value =
    f.value && typeof f.value === 'object' && !Array.isArray(f.value)
      ? ordered(f.value as Record<string, unknown>, SPEC_ORDER)
      : f.value;
  return ordered({ ...f, value, source: ordered(f.source as never, SOURCE_ORDER) }, FACT_ORDER) as never;
}
export function canonicalEntry(e: Entry): Entry {
  const copy: Record<string, unknown> = { ...e };
  for (const k of ['lifecycle', 'released', 'announced', 'specs'] as const)
    if (e[k]) copy[k] = orderFact(e[k] as Fact<unknown>);
  if (e.facts) copy.facts = e.facts.map((f) => orderFact(f));
  if (e.timeline)
    copy.timeline = e.timeline.map((ev) => ordered({ ...ev, source: ordered(ev.source as never, SOURCE_ORDER) }, EVENT_ORDER));
  return ordered(copy, KEY_ORDER) as Entry;
}

function main() {
  const dir = resolve(process.argv[2] ?? join(REPO, '..', 'shared', 'reference', 'models.dev'));
  if (!existsSync(join(dir, 'models'))) {
    console.error(`knowledge:import: no models.dev snapshot at ${dir} (expected ${join(dir, 'models')}/<lab>/*.toml)`);
    process.exit(2);
  }
  const groups = readSnapshot(dir);

  // Current knowledge, file by file (raw JSON, so unknown-but-valid content is kept as is).
  const fileNames = readdirSync(ENTRIES_DIR).filter((n) => n.endsWith('.json')).sort();
  const files = new Map<string, { $schema?: string; entries: Entry[] }>();
  for (const n of fileNames) files.set(n, JSON.parse(readFileSync(join(ENTRIES_DIR, n), 'utf8')));
  const where = new Map<string, { file: string; index: number }>();
  for (const [n, data] of files) data.entries.forEach((e, index) => where.set(e.id, { file: n, index }));
  const claimed = new Set<string>();
  for (const data of files.values()) for (const e of data.entries) for (const a of e.aliases) claimed.add(aliasKey(aliasText(a)));

  let refreshed = 0;
  const created: Entry[] = [];
  const pendingDerived: Array<{ entry: Entry; derived: Alias[] }> = [];

  for (const g of groups) {
    const m = g.primary.model;
    const src = source(g.lab, g.primary.file);
    const releasedFact =
      !DUBIOUS_RELEASE.has(g.id) && m.release_date && DATE_RE.test(m.release_date)
        ? { value: m.release_date, source: src, status: 'reported' as const, asOf: SNAPSHOT_DATE }
        : undefined;
    const specs = specsOf(m);
    const specsFact = Object.keys(specs).length ? { value: specs, source: src, status: 'reported' as const, asOf: SNAPSHOT_DATE } : undefined;

    const at = where.get(g.id);
    if (at) {
      const data = files.get(at.file)!;
      const e = { ...data.entries[at.index] };
      const before = JSON.stringify(e);
      if (!e.released || isImportOwned(e.released)) (e as Entry).released = releasedFact;
      if (!e.specs || isImportOwned(e.specs)) (e as Entry).specs = specsFact;
      // A lifecycle read from models.dev (older imports) is no claim at all: drop it.
      if (isImportOwned(e.lifecycle)) delete (e as Partial<Entry>).lifecycle;
      if (GENERATED_SUMMARY.test(e.summary)) e.summary = summaryOf(g, e.name);
      if (JSON.stringify(e) !== before) refreshed++;
      data.entries[at.index] = e;
      continue;
    }

    const name = cleanName(m.name ?? g.slug);
    const [primary, derived] = aliasesOf(g, name);
    const aliases: Alias[] = [];
    for (const a of primary) {
      const k = aliasKey(aliasText(a));
      if (claimed.has(k)) continue;
      claimed.add(k);
      aliases.push(a);
    }
    if (aliases.length === 0 && derived.every((a) => claimed.has(aliasKey(aliasText(a))))) {
      console.warn(`knowledge:import: ${g.id}: every name is already claimed by another entry; not created`);
      continue;
    }
    const entry: Entry = {
      id: g.id,
      name,
      vendor: g.vendor,
      kind: 'model',
      summary: summaryOf(g, name),
      aliases,
      released: releasedFact,
      specs: specsFact,
      reviewed: SNAPSHOT_DATE,
    };
    created.push(entry);
    pendingDerived.push({ entry, derived });
  }
  // Derived aliases ("Gemini 3 Pro" from "Gemini 3 Pro Preview") only where no one claims them.
  for (const { entry, derived } of pendingDerived)
    for (const a of derived) {
      const k = aliasKey(aliasText(a));
      if (claimed.has(k)) continue;
      claimed.add(k);
      entry.aliases.push(a);
    }

  // Family links where an entry has none (adding a link never overwrites one), now that every id is known.
  const byId = new Map<string, Entry>(created.map((e) => [e.id, e]));
  for (const [id, at] of where) byId.set(id, files.get(at.file)!.entries[at.index]);
  for (const data of files.values()) for (const e of data.entries) byId.set(e.id, e);
  const familyIds = new Set([...byId.values()].filter((e) => e.kind === 'family').map((e) => e.id));
  for (const g of groups) {
    const e = byId.get(g.id)!;
    if (e.family) continue;
    const fam = familyFor(g.prefix, g.slug, g.primary.model.family ?? '').find((id) => familyIds.has(id) && id !== e.id);
    if (fam) {
      e.family = fam;
      if (where.has(e.id)) refreshed++;
    }
  }

  // New entries go to <prefix>.json, appended after existing entries in id order.
  for (const e of created) {
    const n = `${e.id.split('/')[0]}.json`;
    if (!files.has(n)) files.set(n, { $schema: '../../../knowledge/schema.json', entries: [] });
    files.get(n)!.entries.push(e);
  }

  let written = 0;
  for (const [n, data] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const out = { $schema: data.$schema ?? '../../../knowledge/schema.json', entries: data.entries.map(canonicalEntry) };
    const text = JSON.stringify(out, null, 2) + '\n';
    const path = join(ENTRIES_DIR, n);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    written++;
  }

  console.log(
    `knowledge:import: ${groups.length} models.dev models from ${basename(dir)}; ` +
      `${created.length} new entries, ${refreshed} refreshed, ${written} file${written === 1 ? '' : 's'} written.`,
  );
  const { issues } = readKnowledgeDir(ENTRIES_DIR);
  if (issues.length) {
    for (const i of issues) console.error(formatIssue(i));
    console.error(`knowledge:import: the knowledge now has ${issues.length} problem(s); see npm run knowledge:check`);
    process.exitCode = 1;
  }
}

main();
