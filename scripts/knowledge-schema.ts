/**
 * npm run knowledge:schema
 * Emits knowledge/schema.json (JSON Schema, draft-07) from the valibot schema in
 * src/knowledge/schema.ts, so editors validate entry files as they are written
 * (each entries/*.json points at it with "$schema").
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { KnowledgeFile } from '../src/knowledge/schema';

const out = fileURLToPath(new URL('../knowledge/schema.json', import.meta.url));
const generated = toJsonSchema(KnowledgeFile, { errorMode: 'ignore' });
const schema = {
  $schema: generated.$schema,
  $id: 'https://modellens.invalid/knowledge/schema.json',
  title: 'ModelLens knowledge file',
  description:
    'A list of entries (models, families, codenames, products, events). Every claim is a fact {value, source {url, title, published?, retrieved}, status, asOf}; lifecycles are dated timelines; each entry has a reviewed date. Generated from src/knowledge/schema.ts by scripts/knowledge-schema.ts; do not edit by hand.',
  ...generated,
};
mkdirSync(fileURLToPath(new URL('../knowledge/', import.meta.url)), { recursive: true });
writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
console.log(`knowledge:schema: wrote ${out}`);
