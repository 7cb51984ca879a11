/**
 * Every stored value, as a wxt/storage item with its fallback and version. All live in
 * storage.local: nothing leaves the machine, and storage.sync would leak browsing lists
 * (site allow/deny) into the browser account.
 */
import { storage } from 'wxt/utils/storage';
import type { CompiledIndex } from '../core/index-format';
import type { Entry } from '../knowledge/schema';
import { migrateLegacyEntries } from '../knowledge/legacy';
import { defaultSettings, type Settings } from './defaults';
import { MIGRATIONS, sanitize, SETTINGS_VERSION, type SettingsProblem } from './schema';

const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: null,
  version: SETTINGS_VERSION,
  migrations: MIGRATIONS,
});

/** Shown by the options page (and popup) until dismissed: which settings were reset, and the value they were read from. */
export interface SettingsNotice {
  at: string;
  problems: SettingsProblem[];
  /** The stored value as it was found, so nothing is lost silently. */
  backup: unknown;
}

export const settingsNoticeItem = storage.defineItem<SettingsNotice | null>('local:settingsNotice', { fallback: null });

/** The user's own knowledge entries, in the bundled schema. */
export interface UserKnowledge {
  entries: Entry[];
  updatedAt: string;
}

export const userKnowledgeItem = storage.defineItem<UserKnowledge>('local:userKnowledge', {
  fallback: { entries: [], updatedAt: '' },
  version: 2,
  migrations: {
    // v2: sources carry published/retrieved instead of date; entries carry reviewed.
    2: (old: UserKnowledge): UserKnowledge => migrateStoredKnowledge(old),
  },
});

/** Stored entries of the earlier format, converted (a month-only date is read by the import day). */
function migrateStoredKnowledge(old: UserKnowledge): UserKnowledge {
  const day = /^\d{4}-\d{2}-\d{2}/.test(old?.updatedAt ?? '') ? old.updatedAt.slice(0, 10) : new Date().toISOString().slice(0, 10);
  const entries = Array.isArray(old?.entries) ? (migrateLegacyEntries('stored', old.entries, day).entries as Entry[]) : [];
  return { entries, updatedAt: old?.updatedAt ?? '' };
}

/**
 * Bundled + user aliases compiled into one index, written together with userKnowledge (see
 * user-index.ts). Absent when the user has no entries: the content script then uses the bundled
 * index as it is.
 */
export interface StoredIndex {
  /** Fingerprint of the bundled index it was merged with; a different build ignores it. */
  base: string;
  index: CompiledIndex;
}

export const userIndexItem = storage.defineItem<StoredIndex | null>('local:userIndex', { fallback: null });

/** Settings as every reader sees them: migrated, checked field by field, defaults for the rest. */
export async function loadSettings(): Promise<{ settings: Settings; problems: SettingsProblem[]; raw: unknown }> {
  let raw: unknown;
  try {
    raw = await settingsItem.getValue();
  } catch (err) {
    return { settings: defaultSettings(), problems: [{ field: 'settings', reason: `could not be read: ${(err as Error).message}` }], raw: null };
  }
  return { ...sanitize(raw), raw };
}

/**
 * Load, and when something had to be reset: store the repaired settings and a notice with the
 * original value. Run by the background at start and by the options page.
 */
export async function repairSettings(): Promise<Settings> {
  const { settings, problems, raw } = await loadSettings();
  if (problems.length) {
    const previous = await settingsNoticeItem.getValue();
    await settingsNoticeItem.setValue({
      at: new Date().toISOString(),
      problems: [...(previous?.problems ?? []), ...problems],
      backup: previous?.backup ?? raw,
    });
    await settingsItem.setValue(settings);
  }
  return settings;
}

export async function saveSettings(s: Settings): Promise<void> {
  await settingsItem.setValue(sanitize(s).settings);
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const { settings } = await loadSettings();
  const next = sanitize(change(settings)).settings;
  await settingsItem.setValue(next);
  return next;
}

/** Call `cb` with sanitised settings whenever they change. Returns the unwatch function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((raw) => cb(sanitize(raw).settings));
}
