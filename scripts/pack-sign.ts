/**
 * Node-only: build and sign a knowledge pack (format: src/knowledge/pack.ts). Used by
 * `npm run knowledge:pack` and by the tests, which sign packs with keys they generate.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { knowledgeAsOf } from '../src/core/lifecycle';
import { PACK_FORMAT, type PackAlg } from '../src/knowledge/pack';
import type { Entry } from '../src/knowledge/schema';
import type { Registry } from '../src/knowledge/sources';

export interface PackInput {
  entries: Entry[];
  version: number;
  registry?: Registry;
  /** Defaults to the newest `reviewed` of the entries. */
  knowledgeDate?: string;
  /** Defaults to PACK_FORMAT (tests write other formats). */
  format?: number;
}

/** The algorithm of a private key, by its type. */
export function algOf(key: KeyObject): PackAlg {
  if (key.asymmetricKeyType === 'ed25519') return 'Ed25519';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ECDSA-P256';
  throw new Error(`unsupported key type ${key.asymmetricKeyType} (use Ed25519 or ECDSA P-256)`);
}

/** Sign exact payload bytes; ECDSA signatures in IEEE P1363 form, as WebCrypto verifies them. */
export function signPayload(payload: string, privateKeyPem: string): { alg: PackAlg; signature: string } {
  const key = createPrivateKey(privateKeyPem);
  const alg = algOf(key);
  const data = Buffer.from(payload, 'utf8');
  const sig = alg === 'Ed25519' ? sign(null, data, key) : sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
  return { alg, signature: sig.toString('base64') };
}

/** The payload text: compact JSON, the exact bytes that are signed. */
export function packPayload(input: PackInput): string {
  const knowledgeDate = input.knowledgeDate ?? knowledgeAsOf(input.entries);
  return JSON.stringify({ format: input.format ?? PACK_FORMAT, version: input.version, knowledgeDate, entries: input.entries, registry: input.registry });
}

/** The pack file: envelope around the signed payload. */
export function envelope(payload: string, signed: { alg: string; signature: string }, format = PACK_FORMAT): string {
  return JSON.stringify({ modellensPack: format, alg: signed.alg, signature: signed.signature, payload }) + '\n';
}

export function makePack(input: PackInput, privateKeyPem: string): string {
  const payload = packPayload(input);
  return envelope(payload, signPayload(payload, privateKeyPem));
}

/** A fresh key pair: PKCS#8 PEM private key, base64 SPKI public key (the build's MODELLENS_UPDATE_PUBLIC_KEY). */
export function generatePackKeys(type: 'ed25519' | 'p256' = 'ed25519'): { privateKeyPem: string; publicKey: string } {
  const { privateKey } =
    type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: publicKeyOf(privateKey) };
}

export function publicKeyOf(privateKey: KeyObject | string): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
}
