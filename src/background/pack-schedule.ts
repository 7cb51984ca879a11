/**
 * When the pack client runs: at start-up when the last check is a day old or more, once a day by
 * `alarms`, and on "Check now" (the popup's and options page's checkPack message). The build sets
 * the pack URL and public key (MODELLENS_UPDATE_URL, MODELLENS_UPDATE_PUBLIC_KEY; wxt.config.ts).
 * End-to-end test builds (WXT_E2E=1) have no URL unless given one, and read a test server's URL
 * and key (and a shorter timeout) from storage.local `e2ePackServer`; every other build leaves
 * that code out.
 */
import { browser } from 'wxt/browser';
import knowledgeDate from 'virtual:modellens-knowledge-date';
import { bundledVersion } from '../knowledge/pack';
import { bundledEntries } from '../knowledge/store';
import { packStatusItem } from '../settings/pack-store';
import { readerToday } from '../settings/today';
import { checkForUpdate, retireOldPacks, type UpdateConfig } from './pack-update';

declare const __MODELLENS_UPDATE_URL__: string;
declare const __MODELLENS_UPDATE_PUBLIC_KEY__: string;

const ALARM = 'knowledge-pack';
const DAY_MS = 24 * 60 * 60 * 1000;
const E2E_SERVER_KEY = 'e2ePackServer';

async function config(): Promise<UpdateConfig & { timeoutMs?: number }> {
  let url = __MODELLENS_UPDATE_URL__;
  let publicKey = __MODELLENS_UPDATE_PUBLIC_KEY__;
  let timeoutMs: number | undefined;
  if (import.meta.env.WXT_E2E) {
    const got: Record<string, unknown> = await browser.storage.local.get(E2E_SERVER_KEY).catch(() => ({}));
    const o = got[E2E_SERVER_KEY] as { url?: unknown; key?: unknown; timeoutMs?: unknown } | undefined;
    if (typeof o?.url === 'string' && typeof o.key === 'string') [url, publicKey] = [o.url, o.key];
    if (typeof o?.timeoutMs === 'number') timeoutMs = o.timeoutMs;
  }
  return { url, publicKey, timeoutMs, bundled: bundledEntries as Record<string, never>, bundledVersion: bundledVersion(knowledgeDate) };
}

let running: Promise<unknown> | null = null;

/** One check at a time: a second "Check now" joins the one in flight. */
export function checkNow() {
  running ??= (async () => {
    const cfg = await config();
    return checkForUpdate(cfg, { today: await readerToday(), timeoutMs: cfg.timeoutMs });
  })().finally(() => (running = null));
  return running as ReturnType<typeof checkForUpdate>;
}

async function checkIfDue(): Promise<void> {
  const last = await packStatusItem.getValue().catch(() => null);
  if (last && Date.now() - Date.parse(last.checkedAt) < DAY_MS) return;
  await checkNow().catch(() => undefined);
}

/** Retire packs older than this build's knowledge, schedule checks (background/knowledge.ts serves the pack's entries). */
export function scheduleKnowledgeUpdates(): void {
  browser.runtime.onInstalled.addListener(() => {
    void config().then((cfg) => retireOldPacks(cfg)).catch(() => undefined);
  });
  void browser.alarms.get(ALARM).then((a) => {
    if (!a) void browser.alarms.create(ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 24 * 60 });
  });
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === ALARM) void checkNow().catch(() => undefined);
  });
  void checkIfDue();
}
