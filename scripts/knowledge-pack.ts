/**
 * npm run knowledge:pack -- --key <pkcs8 PEM file> [--entries <dir>] [--version <n>] --out <file>
 * Writes a signed knowledge pack (src/knowledge/pack.ts). The entries are checked exactly as
 * `npm run knowledge:check` checks them; any problem stops the script and nothing is written.
 * --version defaults to the current UTC time as YYYYMMDDhhmm, so packs made later are newer;
 * a given --version must be greater than any pack already published.
 * --key also accepts `env:NAME` (the PEM in an environment variable, e.g. a CI secret).
 * The key's public half is printed: it must equal the build's MODELLENS_UPDATE_PUBLIC_KEY.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundledVersion, MAX_PACK_BYTES, validatePayload, versionAt } from '../src/knowledge/pack';
import { ENTRIES_DIR, formatIssue, readKnowledgeDir } from '../src/knowledge/load';
import { REGISTRY } from '../src/knowledge/sources';
import { knowledgeAsOf } from '../src/core/lifecycle';
import { envelope, packPayload, publicKeyOf, signPayload } from './pack-sign';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fail(msg: string): never {
  console.error(`knowledge:pack: ${msg}`);
  process.exit(1);
}

const keyArg = arg('key') ?? fail('--key <pkcs8 PEM file> is required');
const out = arg('out') ?? fail('--out <file> is required');
const dir = resolve(arg('entries') ?? ENTRIES_DIR);
const pem = keyArg.startsWith('env:') ? (process.env[keyArg.slice(4)] ?? fail(`${keyArg} is not set`)) : readFileSync(keyArg, 'utf8');

const { entries, issues } = readKnowledgeDir(dir);
if (issues.length) {
  for (const i of issues) console.error(formatIssue(i));
  fail(`${issues.length} problem(s) in ${dir}; nothing written`);
}
const version = arg('version') ? Number(arg('version')) : versionAt(new Date());
if (!Number.isSafeInteger(version) || version < 1) fail(`--version must be a positive integer, got ${arg('version')}`);
const knowledgeDate = knowledgeAsOf(entries) ?? fail('no entries');
if (version <= bundledVersion(knowledgeDate)) fail(`version ${version} is not newer than its own knowledge date (${bundledVersion(knowledgeDate)})`);

const payload = packPayload({ entries, version, registry: REGISTRY });
const today = new Date().toISOString().slice(0, 10);
validatePayload(payload, today); // the client's own check, before anything is signed
const text = envelope(payload, signPayload(payload, pem));
if (Buffer.byteLength(text) > MAX_PACK_BYTES) fail(`pack is ${Buffer.byteLength(text)} bytes, over the clients' cap of ${MAX_PACK_BYTES}`);
writeFileSync(out, text);
console.log(`knowledge:pack: ${out}: version ${version}, knowledge as of ${knowledgeDate}, ${entries.length} entries, ${Buffer.byteLength(text)} bytes`);
console.log(`public key (base64 SPKI): ${publicKeyOf(pem)}`);
