/**
 * The knowledge pack: a signed, static data file that brings knowledge newer than the bundled one.
 * Pure (WebCrypto and valibot only): the background verifies packs with it, `npm run knowledge:pack`
 * writes them, and node tests cover every refusal.
 *
 * The file is an envelope around the exact bytes that were signed:
 *   { "modellensPack": 1, "alg": "Ed25519", "signature": "<base64>", "payload": "<JSON text>" }
 * `payload` is a JSON string; the signature covers its UTF-8 bytes, so no re-serialisation can
 * change what was signed. `alg` names the algorithm, so ECDSA P-256 can replace Ed25519 without a
 * new envelope. The payload (signed, so nothing in it can be altered):
 *   { "format": 1, "version": 202611301200, "knowledgeDate": "2026-11-30",
 *     "entries": [ …same schema as src/knowledge/entries/*.json… ], "registry": { …vendors.json… } }
 * Order of checks: envelope → signature → payload format → every entry (schema, cross-checks and
 * source policy, as `npm run knowledge:check`) → version newer than the knowledge in use.
 */
import * as v from 'valibot';
import { knowledgeAsOf } from '../core/lifecycle';
import { checkFiles } from './check';
import { formatIssue, type Entry } from './schema';
import type { Registry } from './sources';

/** The envelope and payload format this code reads. */
export const PACK_FORMAT = 1;
/** Signature algorithms, by the name the envelope uses. */
export const PACK_ALGS = ['Ed25519', 'ECDSA-P256'] as const;
export type PackAlg = (typeof PACK_ALGS)[number];
/** The most a pack may weigh (bytes); the download stops reading past it. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;
/** The file name issues in a pack are reported under. */
export const PACK_FILE = 'pack';

export interface PackPayload {
  format: number;
  /** Monotonically increasing; a pack replaces the knowledge in use only with a greater version. */
  version: number;
  /** The newest `reviewed` day of its entries. */
  knowledgeDate: string;
  entries: Entry[];
  /** The source registry the source policy checks the entries against (src/knowledge/vendors.json). */
  registry?: Registry;
}

/** Why a pack was not taken. The UI words each one (locales: pack.reason.*). */
export type PackReason =
  | 'offline'
  | 'timeout'
  | 'network'
  | 'http'
  | 'too-large'
  | 'malformed'
  | 'format'
  | 'signature'
  | 'invalid'
  | 'not-newer'
  | 'storage';

export class PackRefused extends Error {
  constructor(
    readonly reason: PackReason,
    readonly detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

const Envelope = v.strictObject({
  modellensPack: v.number(),
  alg: v.string(),
  signature: v.pipe(v.string(), v.base64()),
  payload: v.string(),
});

const PayloadShape = v.looseObject({
  format: v.number(),
  version: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  knowledgeDate: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  entries: v.array(v.unknown()),
  registry: v.optional(
    v.looseObject({
      vendors: v.record(v.string(), v.looseObject({ name: v.string(), domains: v.array(v.string()) })),
      reference: v.array(v.string()),
      community: v.array(v.looseObject({ host: v.string(), why: v.string() })),
    }),
  ),
});

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin);
}

/** WebCrypto parameters per envelope algorithm: import, then verify. */
const ALG_PARAMS: Record<PackAlg, { key: AlgorithmIdentifier | EcKeyImportParams; verify: AlgorithmIdentifier | EcdsaParams }> = {
  Ed25519: { key: { name: 'Ed25519' }, verify: { name: 'Ed25519' } },
  // Signatures in IEEE P1363 form (r ‖ s), as WebCrypto produces and expects them.
  'ECDSA-P256': { key: { name: 'ECDSA', namedCurve: 'P-256' }, verify: { name: 'ECDSA', hash: 'SHA-256' } },
};

/** Parse the envelope and check its signature with the public key (base64 SPKI). Returns the signed payload text. */
export async function verifyEnvelope(text: string, publicKeySpki: string): Promise<string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new PackRefused('malformed', `not valid JSON: ${(err as Error).message}`);
  }
  const env = v.safeParse(Envelope, raw);
  if (!env.success) throw new PackRefused('malformed', `not a knowledge pack: ${v.getDotPath(env.issues[0]) ?? '(file)'}: ${env.issues[0].message}`);
  const { modellensPack, alg, signature, payload } = env.output;
  if (modellensPack !== PACK_FORMAT) throw new PackRefused('format', `pack format ${modellensPack}; this version reads ${PACK_FORMAT}`);
  if (!(PACK_ALGS as readonly string[]).includes(alg)) throw new PackRefused('format', `unknown signature algorithm "${alg}"`);
  const params = ALG_PARAMS[alg as PackAlg];
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', base64ToBytes(publicKeySpki), params.key, false, ['verify']);
  } catch (err) {
    // The configured key is of another algorithm than the pack names.
    throw new PackRefused('signature', `the public key is not an ${alg} key (${(err as Error).message})`);
  }
  const ok = await crypto.subtle.verify(params.verify, key, base64ToBytes(signature), new TextEncoder().encode(payload)).catch(() => false);
  if (!ok) throw new PackRefused('signature', 'signature does not match');
  return payload;
}

/** Parse the signed payload and validate every entry as `npm run knowledge:check` does. */
export function validatePayload(payloadText: string, today: string): PackPayload {
  let raw: unknown;
  try {
    raw = JSON.parse(payloadText);
  } catch (err) {
    throw new PackRefused('malformed', `payload is not valid JSON: ${(err as Error).message}`);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== PACK_FORMAT) throw new PackRefused('format', `payload format ${String(format)}; this version reads ${PACK_FORMAT}`);
  const shape = v.safeParse(PayloadShape, raw);
  if (!shape.success) throw new PackRefused('malformed', `${v.getDotPath(shape.issues[0]) ?? 'payload'}: ${shape.issues[0].message}`);
  const registry = shape.output.registry as Registry | undefined;
  const r = checkFiles([{ file: PACK_FILE, data: { entries: shape.output.entries } }], { today, registry });
  if (r.issues.length) {
    const more = r.issues.length > 1 ? ` (and ${r.issues.length - 1} more)` : '';
    throw new PackRefused('invalid', formatIssue(r.issues[0]) + more);
  }
  if (!r.entries.length) throw new PackRefused('invalid', 'the pack has no entries');
  const date = knowledgeAsOf(r.entries);
  if (date !== shape.output.knowledgeDate)
    throw new PackRefused('invalid', `knowledgeDate ${shape.output.knowledgeDate} is not the newest reviewed day ${date}`);
  return { format, version: shape.output.version, knowledgeDate: shape.output.knowledgeDate, entries: r.entries, registry };
}

/**
 * The version of the bundled knowledge, on the pack version scale (YYYYMMDDhhmm, UTC): midnight of
 * its knowledge date. A pack made on or after that day replaces it; an extension update with newer
 * bundled knowledge retires older packs.
 */
export function bundledVersion(knowledgeDate: string | null): number {
  return knowledgeDate ? Number(knowledgeDate.replaceAll('-', '') + '0000') : 0;
}

/** The default pack version: the time it is made, YYYYMMDDhhmm (UTC) as a number. */
export function versionAt(d: Date): number {
  return Number(d.toISOString().slice(0, 16).replace(/[-T:]/g, ''));
}

/**
 * Verify, validate and check the version: the whole decision on a downloaded pack, before anything
 * is stored. An older version is refused; the same version is returned (the caller takes nothing
 * and calls it up to date).
 */
export async function openPack(text: string, opts: { publicKey: string; today: string; inUse: number }): Promise<PackPayload> {
  const payload = validatePayload(await verifyEnvelope(text, opts.publicKey), opts.today);
  if (payload.version < opts.inUse) throw new PackRefused('not-newer', `version ${payload.version} is older than ${opts.inUse}, the knowledge in use`);
  return payload;
}
