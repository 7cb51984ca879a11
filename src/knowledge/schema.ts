/**
 * The knowledge-entry schema. One source of truth for validation (build, tests, knowledge:check,
 * user imports) and for knowledge/schema.json (editor validation), which is emitted from it.
 */
import * as v from 'valibot';
import { SENSES } from '../core/senses';

/** Calendar date, YYYY-MM-DD, or a month, YYYY-MM (knowledge cutoffs are often only a month). */
const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
export const DateString = v.pipe(v.string(), v.regex(DATE_RE, 'must be a date YYYY-MM-DD or YYYY-MM'));
/** A full calendar day, YYYY-MM-DD: when a page was read, when an entry was reviewed. */
const DAY_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const DayString = v.pipe(v.string(), v.regex(DAY_RE, 'must be a day YYYY-MM-DD'));

/** `vendor/slug`, lowercase; slug = the vendor's API id where one exists. */
export const EntityId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._-]*$/, 'must be a lowercase id "vendor/slug"'),
);

export const FACT_STATUSES = ['confirmed', 'reported', 'disputed', 'rumored', 'never-shipped', 'retired'] as const;
export const FactStatus = v.picklist(FACT_STATUSES, 'must be one of ' + FACT_STATUSES.join(', '));

export const KINDS = ['model', 'family', 'codename', 'product', 'event'] as const;
export const Kind = v.picklist(KINDS, 'must be one of ' + KINDS.join(', '));

/** Where an entity stands in its life. */
export const LIFECYCLES = [
  'ga', // generally available
  'preview', // public preview / beta / experimental
  'limited', // shipped to a gated set of partners only
  'announced', // announced, not released
  'deprecated', // still served, retirement scheduled
  'retired', // no longer served
  'never-shipped', // named (e.g. in leaked code) but never released as far as sources show
  'codename', // an internal name only
  'occurred', // events
] as const;
export const Lifecycle = v.picklist(LIFECYCLES, 'must be one of ' + LIFECYCLES.join(', '));

/**
 * Where a claim comes from. `published` is the page's own date (post date, release-note entry),
 * left out when the page shows none; `retrieved` is the day the page was read. The two are never
 * the same field: a reading day is not a publication date.
 */
export const Source = v.strictObject({
  // http(s) only: a javascript: or data: URL would become a clickable link on the card.
  url: v.pipe(v.string(), v.url('must be an absolute URL'), v.regex(/^https?:\/\//i, 'must be an http(s) URL')),
  title: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  published: v.optional(DateString),
  retrieved: DayString,
});

/** Every claim the card can show is a Fact: a value with its source, how sure we are, and when. */
export const fact = <T extends v.GenericSchema>(value: T) =>
  v.strictObject({
    value,
    source: Source,
    status: FactStatus,
    asOf: DateString,
  });

/** Stages of a lifecycle timeline, in the order a model usually passes them. */
const STAGES = ['announced', 'preview', 'limited', 'ga', 'deprecated', 'retired'] as const;
export const Stage = v.picklist(STAGES, 'must be one of ' + STAGES.join(', '));

/**
 * One dated lifecycle transition with its own source. `shutdown` (deprecated events only) is the
 * announced retirement day. `snapshot` names the dated API snapshot the event concerns (the alias
 * moved on); events without it concern the model as a whole.
 */
export const TimelineEvent = v.pipe(
  v.strictObject({
    stage: Stage,
    date: DateString,
    shutdown: v.optional(DateString),
    snapshot: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty'))),
    note: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(160, 'must be at most 160 characters'))),
    source: Source,
  }),
  v.forward(
    v.check((ev) => ev.shutdown === undefined || ev.stage === 'deprecated', 'only a deprecated event has a shutdown date'),
    ['shutdown'],
  ),
  v.forward(
    v.check((ev) => ev.shutdown === undefined || ev.shutdown >= ev.date, 'shutdown must not be before the deprecation'),
    ['shutdown'],
  ),
);

export const Specs = v.strictObject({
  context: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  output: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  input: v.optional(v.array(v.string())),
  outputModalities: v.optional(v.array(v.string())),
  openWeights: v.optional(v.boolean()),
  knowledgeCutoff: v.optional(DateString),
  reasoning: v.optional(v.boolean()),
});

/**
 * An alias as people write it. A plain string is matched case-insensitively and needs no context.
 * - `case: "exact"`: match only with this exact capitalisation (o3, not O3).
 * - `context: true`: an ordinary word too (Capybara, Claude, Llama): highlight only with AI context nearby.
 * - `senses`: the other senses the word has ("music", "poetry"; src/core/senses.ts): in a block
 *   whose nearest cue is one of them, the word is not the model.
 * - `shared`: the alias knowingly belongs to more than one entry; the reason why, and the
 *   entry that wins (`prefer`).
 */
export const Alias = v.union([
  v.pipe(v.string(), v.minLength(2, 'alias too short')),
  v.strictObject({
    text: v.pipe(v.string(), v.minLength(2, 'alias too short')),
    case: v.optional(v.picklist(['any', 'exact'])),
    context: v.optional(v.boolean()),
    shared: v.optional(v.strictObject({ reason: v.string(), prefer: EntityId })),
    senses: v.optional(v.array(v.picklist(SENSES, 'must be one of ' + SENSES.join(', ')))),
  }),
]);

export const Entry = v.strictObject({
  id: EntityId,
  name: v.pipe(v.string(), v.minLength(1)),
  vendor: v.pipe(v.string(), v.minLength(1)),
  kind: Kind,
  summary: v.pipe(v.string(), v.minLength(1), v.maxLength(240)),
  aliases: v.array(Alias),
  /**
   * Family entries: version patterns. `{v}` stands for a version number (5, 5.7, 4-6). A versioned
   * form the knowledge lacks ("GPT-5.7") becomes a mention of this family, flagged unknownVersion.
   */
  versionForms: v.optional(v.array(v.pipe(v.string(), v.includes('{v}', 'must contain {v}')))),
  /**
   * The standing as of `reviewed`, from a vendor page or an outlet. Optional: without a primary
   * source the card makes no status claim and shows only the release date.
   */
  lifecycle: v.optional(fact(Lifecycle)),
  /** Dated lifecycle transitions, sorted by date; the status for any day is computed from them. */
  timeline: v.optional(v.array(TimelineEvent)),
  released: v.optional(fact(DateString)),
  announced: v.optional(fact(DateString)),
  specs: v.optional(fact(Specs)),
  family: v.optional(EntityId),
  predecessor: v.optional(EntityId),
  successor: v.optional(EntityId),
  related: v.optional(v.array(EntityId)),
  facts: v.optional(v.array(fact(v.pipe(v.string(), v.minLength(1))))),
  /** The day the entry was last checked against its sources. */
  reviewed: DayString,
});

export const KnowledgeFile = v.strictObject({
  $schema: v.optional(v.string()),
  entries: v.array(Entry),
});

export type Source = v.InferOutput<typeof Source>;
export type FactStatus = v.InferOutput<typeof FactStatus>;
export type Fact<T> = { value: T; source: Source; status: FactStatus; asOf: string };
export type Alias = v.InferOutput<typeof Alias>;
export type Entry = v.InferOutput<typeof Entry>;
export type Kind = Entry['kind'];
export type Lifecycle = v.InferOutput<typeof Lifecycle>;
export type Stage = v.InferOutput<typeof Stage>;
export type TimelineEvent = v.InferOutput<typeof TimelineEvent>;
export type KnowledgeFile = v.InferOutput<typeof KnowledgeFile>;

export interface EntryIssue {
  file: string;
  id: string;
  path: string;
  reason: string;
}

export function formatIssue(i: EntryIssue): string {
  return `${i.file}: ${i.id}: ${i.path}: ${i.reason}`;
}

/** Validate one knowledge file's parsed JSON. Each problem names file, entry id, field path and reason. */
export function validateFile(file: string, data: unknown): { entries: Entry[]; issues: EntryIssue[] } {
  const issues: EntryIssue[] = [];
  if (!data || typeof data !== 'object' || !Array.isArray((data as { entries?: unknown }).entries)) {
    return { entries: [], issues: [{ file, id: '-', path: 'entries', reason: 'must be an object with an "entries" array' }] };
  }
  const entries: Entry[] = [];
  (data as { entries: unknown[] }).entries.forEach((raw, i) => {
    const r = v.safeParse(Entry, raw);
    const id =
      raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
        ? (raw as { id: string }).id
        : `#${i}`;
    if (r.success) entries.push(r.output);
    else
      for (const issue of r.issues)
        issues.push({ file, id, path: v.getDotPath(issue) ?? '(entry)', reason: issue.message });
  });
  return { entries, issues };
}
