/** The pack format: what a signed pack must be before anything is stored (src/knowledge/pack.ts). */
import { describe, expect, it } from 'vitest';
import { bundledVersion, openPack, PackRefused, versionAt } from '../../src/knowledge/pack';
import { envelope, generatePackKeys, makePack, packPayload, signPayload } from '../../scripts/pack-sign';
import { FIXTURE, REGISTRY, TODAY } from './pack-helpers';

const keys = generatePackKeys();
const other = generatePackKeys();
const VERSION = 202612010900;
const good = () => makePack({ entries: FIXTURE, version: VERSION, registry: REGISTRY }, keys.privateKeyPem);
const open = (text: string, inUse = 1, publicKey = keys.publicKey) => openPack(text, { publicKey, today: TODAY, inUse });

async function refusal(p: Promise<unknown>): Promise<{ reason: string; detail: string }> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(PackRefused);
  return { reason: (err as PackRefused).reason, detail: (err as PackRefused).detail };
}

describe('knowledge pack format', () => {
  it('opens a pack signed with the key, every entry validated', async () => {
    const p = await open(good());
    expect(p.version).toBe(VERSION);
    expect(p.knowledgeDate).toBe('2026-11-30');
    expect(p.entries.map((e) => e.id)).toEqual(FIXTURE.map((e) => e.id));
  });

  it('opens an ECDSA P-256 pack with an ECDSA key (the algorithm is named in the envelope)', async () => {
    const ec = generatePackKeys('p256');
    const text = makePack({ entries: FIXTURE, version: VERSION, registry: REGISTRY }, ec.privateKeyPem);
    expect(JSON.parse(text).alg).toBe('ECDSA-P256');
    expect((await openPack(text, { publicKey: ec.publicKey, today: TODAY, inUse: 1 })).version).toBe(VERSION);
    // The Ed25519 key does not verify it.
    expect((await refusal(open(text))).reason).toBe('signature');
  });

  it('refuses a pack with one byte changed', async () => {
    const env = JSON.parse(good());
    const at = env.payload.indexOf('Acme Rocket 1');
    env.payload = env.payload.slice(0, at) + 'B' + env.payload.slice(at + 1);
    expect(await refusal(open(JSON.stringify(env)))).toEqual({ reason: 'signature', detail: 'signature does not match' });
  });

  it('refuses a pack signed by another key', async () => {
    const text = makePack({ entries: FIXTURE, version: VERSION, registry: REGISTRY }, other.privateKeyPem);
    expect((await refusal(open(text))).reason).toBe('signature');
  });

  it('refuses malformed JSON and a file that is not a pack', async () => {
    expect((await refusal(open(good().slice(0, 500)))).reason).toBe('malformed');
    expect((await refusal(open('{"entries":[]}'))).reason).toBe('malformed');
    expect((await refusal(open('<html>Not found</html>'))).reason).toBe('malformed');
  });

  it('refuses a validly signed pack whose entry fails the schema, naming entry and field', async () => {
    const bad = structuredClone(FIXTURE);
    (bad[0] as { kind: string }).kind = 'spaceship';
    const text = makePack({ entries: bad, version: VERSION, registry: REGISTRY }, keys.privateKeyPem);
    const r = await refusal(open(text));
    expect(r.reason).toBe('invalid');
    expect(r.detail).toContain(`${FIXTURE[0].id}: kind:`);
  });

  it('applies the cross-checks and the source policy of knowledge:check', async () => {
    const dupe = [...FIXTURE, FIXTURE[0]];
    const r = await refusal(open(makePack({ entries: dupe, version: VERSION, registry: REGISTRY }, keys.privateKeyPem)));
    expect(r.detail).toContain('duplicate id');
    // Without its vendor in the registry the entries fail the source policy.
    const r2 = await refusal(open(makePack({ entries: FIXTURE, version: VERSION }, keys.privateKeyPem)));
    expect(r2).toMatchObject({ reason: 'invalid' });
    expect(r2.detail).toContain('not in the source registry');
  });

  it('refuses a version that is not newer than the one in use', async () => {
    const r = await refusal(open(good(), VERSION + 1));
    expect(r.reason).toBe('not-newer');
    // The same version opens: the client calls that "up to date" (pack-update.ts).
    expect((await open(good(), VERSION)).version).toBe(VERSION);
  });

  it('refuses an unknown format version, in the envelope or the signed payload', async () => {
    const payload = packPayload({ entries: FIXTURE, version: VERSION, registry: REGISTRY });
    const signed = signPayload(payload, keys.privateKeyPem);
    expect((await refusal(open(envelope(payload, signed, 2)))).reason).toBe('format');
    const p2 = packPayload({ entries: FIXTURE, version: VERSION, registry: REGISTRY, format: 2 });
    const r = await refusal(open(envelope(p2, signPayload(p2, keys.privateKeyPem))));
    expect(r).toEqual({ reason: 'format', detail: 'payload format 2; this version reads 1' });
    expect((await refusal(open(envelope(payload, { ...signed, alg: 'RSA' })))).reason).toBe('format');
  });

  it('refuses a knowledge date that is not the newest reviewed day', async () => {
    const text = makePack({ entries: FIXTURE, version: VERSION, registry: REGISTRY, knowledgeDate: '2026-12-31' }, keys.privateKeyPem);
    expect((await refusal(open(text))).reason).toBe('invalid');
  });

  it('puts pack versions and the bundled knowledge on one scale', () => {
    expect(versionAt(new Date('2026-11-30T11:32:59Z'))).toBe(202611301132);
    expect(bundledVersion('2026-11-30')).toBe(202611300000);
    expect(bundledVersion(null)).toBe(0);
    expect(versionAt(new Date('2026-11-30T00:01:00Z'))).toBeGreaterThan(bundledVersion('2026-11-30'));
  });
});
