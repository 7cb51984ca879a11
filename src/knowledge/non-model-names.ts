/**
 * Names that are not models though they contain a model's name or look like one: tools and
 * libraries (llama.cpp, LLaMA-Factory, FastChat), data sets (the Alpaca data set, Open Orca),
 * benchmarks and leaderboards. Recorded in src/knowledge/non-model-names.json with the sense they
 * have (src/core/senses.ts); the compiled index holds them so the matcher reads such a name whole
 * and highlights nothing of it (docs/matching.md "Known non-model names").
 */
import * as v from 'valibot';
import { matchKey } from '../core/normalize';
import { SENSES } from '../core/senses';
import type { EntryIssue } from './schema';
import data from './non-model-names.json';

export const NonModelName = v.strictObject({
  /** The name as written ("llama.cpp", "Open Orca"). */
  text: v.pipe(v.string(), v.trim(), v.minLength(2, 'must have at least 2 characters'), v.maxLength(80, 'must be at most 80 characters')),
  /** What it is instead: a sense of src/core/senses.ts ("software", "data", …). */
  sense: v.picklist(SENSES, 'must be one of ' + SENSES.join(', ')),
  /** Where the name is documented (its repository or data-set card), optional. */
  source: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
});
export type NonModelName = v.InferOutput<typeof NonModelName>;

const NonModelFile = v.strictObject({
  $comment: v.optional(v.string()),
  names: v.array(v.unknown()),
});

/**
 * Validate the file: each problem names file, item, field and reason. `aliases`: matchKey of every
 * model alias → entity id; a non-model name may not be spelled like one.
 */
export function checkNonModelNames(file: string, raw: unknown, aliases: Map<string, string>): { names: NonModelName[]; issues: EntryIssue[] } {
  const issues: EntryIssue[] = [];
  const top = v.safeParse(NonModelFile, raw);
  if (!top.success) return { names: [], issues: top.issues.map((i) => ({ file, id: '-', path: v.getDotPath(i) ?? '(file)', reason: i.message })) };
  const names: NonModelName[] = [];
  const seen = new Map<string, string>();
  top.output.names.forEach((item, n) => {
    const r = v.safeParse(NonModelName, item);
    const id = item && typeof item === 'object' && typeof (item as { text?: unknown }).text === 'string' ? (item as { text: string }).text : `#${n}`;
    if (!r.success) {
      for (const i of r.issues) issues.push({ file, id, path: `names[${n}].${v.getDotPath(i) ?? ''}`.replace(/\.$/, ''), reason: i.message });
      return;
    }
    const key = matchKey(r.output.text);
    if (seen.has(key)) issues.push({ file, id, path: `names[${n}].text`, reason: `repeats "${seen.get(key)}"` });
    else if (aliases.has(key)) issues.push({ file, id, path: `names[${n}].text`, reason: `is spelled like an alias of ${aliases.get(key)}` });
    else {
      seen.set(key, r.output.text);
      names.push(r.output);
    }
  });
  return { names, issues };
}

/** The bundled list (validated by knowledge:check and the build). */
export const NON_MODEL_NAMES = (data as { names: NonModelName[] }).names;
