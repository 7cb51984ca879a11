/**
 * The knowledge pack client. At start-up (when the last check is a day old), daily by alarm, and
 * on "Check now": download the pack (pack-fetch.ts), verify its signature with the build's public
 * key, validate every entry, refuse a version that is not newer, compile the page index, then
 * switch everything in one storage.local.set (settings/pack-store.ts commitPack). Any failure
 * records its reason and leaves the knowledge in use untouched. With "Keep knowledge up to date"
 * off, nothing is requested.
 */
import { openPack, PackRefused, type PackPayload } from '../knowledge/pack';
import type { Entry } from '../knowledge/schema';
import { loadSettings, userKnowledgeItem } from '../settings/items';
import { commitPack, knowledgePackItem, packStatusItem, type PackRecord, type PackStatus, type StoredPack } from '../settings/pack-store';
import { storedIndexFor } from '../settings/user-index';
import { downloadPack, type FetchOptions } from './pack-fetch';

export interface UpdateConfig {
  /** The pack URL; empty: updates are not configured in this build. */
  url: string;
  /** Base64 SPKI public key the pack must be signed with. */
  publicKey: string;
  bundled: Record<string, Entry>;
  /** The bundled knowledge on the pack version scale (knowledge/pack.ts bundledVersion). */
  bundledVersion: number;
}

/** The steps between which a stopped background must leave no trace (tests interrupt at each). */
export type UpdateStep = 'downloaded' | 'verified' | 'compiled';

export interface UpdateOptions extends Pick<FetchOptions, 'fetchImpl' | 'online' | 'timeoutMs' | 'maxBytes'> {
  today: string;
  now?: () => Date;
  /** Called after each step; tests throw here to stand for the background being stopped. */
  afterStep?: (step: UpdateStep) => void | Promise<void>;
}

/** Thrown by a test's afterStep: not a refusal, so nothing is recorded (as when the worker dies). */
export class Interrupted extends Error {}

/** One check. Returns the recorded status, or null when updates are off (nothing requested, nothing written). */
export async function checkForUpdate(cfg: UpdateConfig, opts: UpdateOptions): Promise<PackStatus | null> {
  const { settings } = await loadSettings();
  if (!settings.updateKnowledge || !cfg.url) return null;
  const now = opts.now ?? (() => new Date());
  const stored = await knowledgePackItem.getValue();
  const inUse = stored.current?.version ?? cfg.bundledVersion;
  try {
    const got = await downloadPack(cfg.url, { ...opts, etag: stored.current?.etag });
    await opts.afterStep?.('downloaded');
    if (got.status === 'not-modified') return record({ checkedAt: now().toISOString(), result: 'up-to-date' });
    const payload = await openPack(got.text, { publicKey: cfg.publicKey, today: opts.today, inUse });
    await opts.afterStep?.('verified');
    if (payload.version === inUse) return record({ checkedAt: now().toISOString(), result: 'up-to-date' });
    const next: StoredPack = { current: toRecord(payload, got.etag, now()), previous: stored.current };
    const { entries: user } = await userKnowledgeItem.getValue();
    const index = storedIndexFor(cfg.bundled, next.current, user);
    await opts.afterStep?.('compiled');
    const status: PackStatus = { checkedAt: now().toISOString(), result: 'updated', detail: `version ${payload.version}` };
    await commitPack(next, index, status);
    return status;
  } catch (err) {
    if (err instanceof Interrupted) throw err;
    const r = err instanceof PackRefused ? err : new PackRefused('storage', (err as Error)?.message ?? String(err));
    return record({ checkedAt: now().toISOString(), result: r.reason, detail: r.detail || undefined });
  }
}

async function record(status: PackStatus): Promise<PackStatus> {
  await packStatusItem.setValue(status);
  return status;
}

function toRecord(p: PackPayload, etag: string | undefined, at: Date): PackRecord {
  return { version: p.version, knowledgeDate: p.knowledgeDate, entries: p.entries, registry: p.registry, etag, installedAt: at.toISOString() };
}

/**
 * After an extension update: a pack not newer than the new bundled knowledge retires (the bundled
 * knowledge is newer), falling back to the previous pack only when that one is newer still.
 * Returns what changed, for the status line.
 */
export async function retireOldPacks(cfg: UpdateConfig, now = new Date()): Promise<boolean> {
  const stored = await knowledgePackItem.getValue();
  if (!stored.current || stored.current.version > cfg.bundledVersion) return false;
  const prev = stored.previous && stored.previous.version > cfg.bundledVersion ? stored.previous : null;
  const { entries: user } = await userKnowledgeItem.getValue();
  const status: PackStatus = { checkedAt: now.toISOString(), result: 'up-to-date', detail: 'the bundled knowledge is newer than the pack' };
  await commitPack({ current: prev, previous: null }, storedIndexFor(cfg.bundled, prev, user), status);
  return true;
}

/** Go back to the pack before the current one (or to the bundled knowledge), in one write. */
export async function rollBack(cfg: UpdateConfig, now = new Date()): Promise<void> {
  const stored = await knowledgePackItem.getValue();
  if (!stored.current) return;
  const prev = stored.previous && stored.previous.version > cfg.bundledVersion ? stored.previous : null;
  const { entries: user } = await userKnowledgeItem.getValue();
  const status: PackStatus = { checkedAt: now.toISOString(), result: 'rolled-back', detail: `from version ${stored.current.version}` };
  await commitPack({ current: prev, previous: null }, storedIndexFor(cfg.bundled, prev, user), status);
}
