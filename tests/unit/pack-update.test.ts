/**
 * The pack client (src/background/pack-update.ts) against a local HTTP server and a fake
 * storage.local: every bad input is refused with its reason and leaves the knowledge as it was;
 * a good pack switches in one write; a background stopped between steps leaves no trace.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkForUpdate, Interrupted, retireOldPacks, rollBack, type UpdateConfig, type UpdateStep } from '../../src/background/pack-update';
import { compileIndex } from '../../src/knowledge/compile';
import { indexFingerprint } from '../../src/knowledge/fingerprint';
import { defaultSettings } from '../../src/settings/defaults';
import { saveUserKnowledge } from '../../src/settings/user-index';
import type { CompiledIndex } from '../../src/core/index-format';
import { matchKey } from '../../src/core/normalize';
import { generatePackKeys, makePack } from '../../scripts/pack-sign';
import { FIXTURE, newModel, packServer, REGISTRY, TODAY } from './pack-helpers';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));
// wxt/utils/storage reaches the browser through @wxt-dev/browser (globalThis.chrome), outside vite's mocks.
await vi.hoisted(async () => {
  (globalThis as { chrome?: unknown }).chrome = (await import('@webext-core/fake-browser')).fakeBrowser;
});

const keys = generatePackKeys();
const other = generatePackKeys();
const BUNDLED = Object.fromEntries(FIXTURE.map((e) => [e.id, e]));
const V1 = 202612010900;
const pack = (version = V1, entries = [...FIXTURE, newModel()], key = keys.privateKeyPem) => makePack({ entries, version, registry: REGISTRY }, key);

let srv: Awaited<ReturnType<typeof packServer>>;
let cfg: UpdateConfig;
beforeAll(async () => {
  srv = await packServer();
  cfg = { url: srv.url, publicKey: keys.publicKey, bundled: BUNDLED, bundledVersion: 202611300000 };
});
afterAll(() => srv.close());
beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  srv.log.length = 0;
});

const serve = (body: string, headers: Record<string, string> = {}) =>
  srv.handle((req, res) => {
    if (headers.ETag && req.headers['if-none-match'] === headers.ETag) return void res.writeHead(304).end();
    res.writeHead(200, { 'Content-Type': 'application/json', ...headers }).end(body);
  });
const check = (more: Partial<Parameters<typeof checkForUpdate>[1]> = {}) => checkForUpdate(cfg, { today: TODAY, timeoutMs: 2000, ...more });
const local = async () => structuredClone(await fakeBrowser.storage.local.get(null));
const packIds = async () => ((await fakeBrowser.storage.local.get('knowledgePack')).knowledgePack as { current?: { entries: { id: string }[] } } | undefined)?.current?.entries.map((e) => e.id);

/** Install version V1 first: the "knowledge in use" the bad inputs must leave alone. */
async function installV1(): Promise<Record<string, unknown>> {
  serve(pack());
  expect((await check())?.result).toBe('updated');
  return local();
}

/** Refused with `reason`; everything but the status is as before. */
async function expectRefused(reason: string, serveBad: () => void, more?: Parameters<typeof check>[0]): Promise<string | undefined> {
  const before = await installV1();
  serveBad();
  const status = await check(more);
  expect(status?.result).toBe(reason);
  const after = await local();
  expect({ ...after, packStatus: undefined }).toEqual({ ...before, packStatus: undefined });
  expect((after.packStatus as { result: string }).result).toBe(reason);
  return status?.detail;
}

describe('knowledge pack client', () => {
  it('installs a newer pack: entries, page index and status in one storage.local.set', async () => {
    serve(pack(), { ETag: '"v1"' });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const status = await check();
    expect(status).toMatchObject({ result: 'updated', detail: `version ${V1}` });
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0][0] as object).sort()).toEqual(['knowledgePack', 'packStatus', 'userIndex']);
    expect(await packIds()).toContain('acme/zephyr-9');
    const { userIndex } = (await fakeBrowser.storage.local.get('userIndex')) as { userIndex: { base: string; index: { ids: string[] } } };
    expect(userIndex.base).toBe(indexFingerprint(compileIndex(FIXTURE)));
    expect(userIndex.index.ids).toContain('acme/zephyr-9');
    // One GET, no query string; the next check sends the ETag and gets 304: up to date, nothing else written.
    expect(srv.log).toEqual(['GET /pack.json']);
    expect((await check())?.result).toBe('up-to-date');
    expect(srv.log[1]).toBe('GET /pack.json "v1"');
    expect(await packIds()).toContain('acme/zephyr-9');
  });

  it('keeps the previous pack when a newer one arrives, and rolls back to it', async () => {
    await installV1();
    serve(pack(V1 + 1, [...FIXTURE, newModel(), newModel('Acme Zephyr 10')]));
    expect((await check())?.result).toBe('updated');
    const stored = (await fakeBrowser.storage.local.get('knowledgePack')).knowledgePack as { current: { version: number }; previous: { version: number } };
    expect([stored.current.version, stored.previous.version]).toEqual([V1 + 1, V1]);
    await rollBack(cfg);
    expect(await packIds()).not.toContain('acme/zephyr-10');
    expect(await packIds()).toContain('acme/zephyr-9');
  });

  it('calls the same version again "up to date" and stores nothing new', async () => {
    const before = await installV1();
    expect((await check())?.result).toBe('up-to-date');
    expect((await local()).knowledgePack).toEqual(before.knowledgePack);
  });

  it('refuses a tampered pack (one byte changed)', async () => {
    // A newer version written into a pack signed as V1: one byte differs from what was signed.
    const text = pack().replace(String(V1), String(V1 + 5));
    expect(text).not.toBe(pack());
    expect(await expectRefused('signature', () => serve(text))).toBe('signature does not match');
  });

  it('refuses a pack signed by another key', async () => {
    const bad = () => {
      serve(pack(V1 + 1, undefined, other.privateKeyPem));
    };
    await expectRefused('signature', bad);
  });

  it('refuses malformed JSON', async () => {
    const bad = () => {
      serve(pack(V1 + 1).slice(0, 1000));
    };
    await expectRefused('malformed', bad);
  });

  it('refuses a validly signed pack with an entry that fails the schema', async () => {
    const entry = newModel();
    (entry as { released: unknown }).released = { value: 'yesterday' };
    const bad = () => serve(pack(V1 + 1, [...FIXTURE, entry]));
    expect(await expectRefused('invalid', bad)).toContain('acme/zephyr-9: released');
  });

  it('refuses an older version', async () => {
    const bad = () => {
      serve(pack(V1 - 1));
    };
    await expectRefused('not-newer', bad);
  });

  it('refuses an unknown format version', async () => {
    const bad = () => {
      serve(makePack({ entries: FIXTURE, version: V1 + 1, registry: REGISTRY, format: 2 }, keys.privateKeyPem));
    };
    await expectRefused('format', bad);
  });

  it('refuses a 50 MB response and stops reading past 5 MB', async () => {
    let sent = 0;
    let closed = false;
    const bad = () => {
      srv.handle((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 32);
        res.on('close', () => (closed = true));
        const pump = () => {
          while (sent < 50e6 && !closed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      });
    };
    expect(await expectRefused('too-large', bad, { timeoutMs: 20_000 })).toMatch(/limit is 5 MB/);
    await vi.waitFor(() => expect(closed).toBe(true));
    expect(sent).toBeLessThan(20e6);
  });

  it('refuses a declared 50 MB body without reading it', async () => {
    const bad = () => {
      srv.handle((_req, res) => void res.writeHead(200, { 'Content-Length': String(50e6) }).write('{'));
    };
    await expectRefused('too-large', bad);
  });

  it('records a 404', async () => {
    const bad = () => {
      srv.handle((_req, res) => void res.writeHead(404).end('not here'));
    };
    expect(await expectRefused('http', bad)).toBe('HTTP 404');
  });

  it('gives up on a server that never answers', async () => {
    const bad = () => {
      srv.handle(() => undefined);
    };
    await expectRefused('timeout', bad, { timeoutMs: 300 });
  });

  it('gives up on a server that stops in the middle of the body', async () => {
    const bad = () => {
      srv.handle((_req, res) => void res.writeHead(200, { 'Content-Length': '100000' }).write('{"modellensPack":1,'));
    };
    await expectRefused('timeout', bad, { timeoutMs: 300 });
  });

  it('requests nothing while the browser is offline', async () => {
    let n = -1;
    await expectRefused('offline', () => void (n = srv.log.length), { online: () => false });
    expect(srv.log.length).toBe(n);
  });

  it('requests nothing with "Keep knowledge up to date" off', async () => {
    serve(pack());
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), updateKnowledge: false } });
    expect(await check()).toBeNull();
    expect(srv.log).toEqual([]);
    expect(await packIds()).toBeUndefined();
  });

  it.each<UpdateStep>(['downloaded', 'verified', 'compiled'])('leaves no partial state when stopped after "%s"', async (step) => {
    const before = await installV1();
    serve(pack(V1 + 1, [...FIXTURE, newModel(), newModel('Acme Zephyr 10')]));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const stop = async (s: UpdateStep) => {
      if (s === step) throw new Interrupted(s);
    };
    await expect(check({ afterStep: stop })).rejects.toBeInstanceOf(Interrupted);
    expect(set).not.toHaveBeenCalled();
    expect(await local()).toEqual(before);
    // The next start finishes the update from scratch.
    expect((await check())?.result).toBe('updated');
    expect(await packIds()).toContain('acme/zephyr-10');
  });

  it('keeps user entries over pack entries, in the pack swap and in a later import', async () => {
    const mine = { ...newModel(), summary: 'My own note on Zephyr.' };
    const other = newModel('Acme Zephyr 11');
    await fakeBrowser.storage.local.set({ userKnowledge: { entries: [{ ...other, aliases: ['Acme Zephyr 9'] }], updatedAt: '2026-11-30' } });
    serve(pack());
    expect((await check())?.result).toBe('updated');
    const idx = async () => ((await fakeBrowser.storage.local.get('userIndex')).userIndex as { index: CompiledIndex }).index;
    const target = (i: CompiledIndex, alias: string) => i.ids[i.keys[matchKey(alias)][0]];
    // The user's entry claims the alias the pack gives its own model.
    expect(target(await idx(), 'Acme Zephyr 9')).toBe('acme/zephyr-11');
    await saveUserKnowledge([mine], BUNDLED);
    expect(target(await idx(), 'Acme Zephyr 9')).toBe('acme/zephyr-9');
    // Built on the pack: its model stays, the user's entry replaced it.
    expect((await idx()).ids).toContain('acme/zephyr-9');
    await saveUserKnowledge([], BUNDLED);
    expect((await idx()).ids).toContain('acme/zephyr-9');
  });

  it('retires a pack once an extension update brings newer bundled knowledge', async () => {
    await installV1();
    expect(await retireOldPacks({ ...cfg, bundledVersion: V1 })).toBe(true);
    expect(await packIds()).toBeUndefined();
    expect((await fakeBrowser.storage.local.get('userIndex')).userIndex ?? null).toBeNull();
  });
});
