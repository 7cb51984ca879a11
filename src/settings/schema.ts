/**
 * The settings: their shape, defaults, per-field validation and migrations. Pure (no browser API),
 * so every rule here is unit-tested in node. Storage lives in items.ts.
 *
 * Stored settings are never trusted: `sanitize` checks each field on its own, keeps the good ones,
 * resets only the bad ones to their default and names each reset, so the options page can say
 * what happened (and the raw value is kept as a backup, see items.ts).
 */
import * as v from 'valibot';
import { defaultSettings, HIGHLIGHT_STYLES, LANGUAGES, SITE_MODES, STRICTNESS, type Settings } from './defaults';
import { hostMatches, normalizeHost } from './sites';

/** Current version of the stored settings object. Bump it and add a migration when the shape changes. */
export const SETTINGS_VERSION = 2;

/** Longest list of muted terms or sites we keep; more is almost surely corrupt data. */
const MAX_LIST = 500;
const MAX_TERM = 100;

const term = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_TERM));
const hostList = v.pipe(
  v.array(v.string()),
  v.maxLength(MAX_LIST, `more than ${MAX_LIST} entries`),
  v.transform((xs) => [...new Set(xs.map(normalizeHost).filter(Boolean))]),
);

/** One schema per field: a bad field is reset alone. */
const FIELDS = {
  categories: v.strictObject({ models: v.boolean(), codenames: v.boolean(), products: v.boolean() }),
  style: v.picklist(HIGHLIGHT_STYLES),
  firstMentionOnly: v.boolean(),
  mutedTerms: v.pipe(
    v.array(term),
    v.maxLength(MAX_LIST, `more than ${MAX_LIST} entries`),
    v.transform((xs) => [...new Set(xs)]),
  ),
  siteMode: v.picklist(SITE_MODES),
  allow: hostList,
  deny: hostList,
  strictness: v.picklist(STRICTNESS),
  language: v.picklist(LANGUAGES),
  updateKnowledge: v.boolean(),
} satisfies { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> };

export interface SettingsProblem {
  /** The field that was reset ('settings' when the whole value was unusable). */
  field: string;
  reason: string;
}

/**
 * Check stored settings field by field. Missing fields take their default silently (a newer
 * version added them); present but invalid fields are reset and reported; unknown fields are
 * dropped and reported.
 */
export function sanitize(raw: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const settings = defaultSettings();
  if (raw == null) return { settings, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { settings, problems: [{ field: 'settings', reason: `expected an object, found ${Array.isArray(raw) ? 'an array' : typeof raw}` }] };
  const problems: SettingsProblem[] = [];
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    if (!(key in obj) || obj[key] === undefined) continue;
    const r = v.safeParse(FIELDS[key] as v.GenericSchema, obj[key]);
    if (r.success) (settings as unknown as Record<string, unknown>)[key] = r.output;
    else problems.push({ field: key, reason: `${r.issues[0].message} (found ${preview(obj[key])})` });
  }
  for (const key of Object.keys(obj)) if (!(key in FIELDS)) problems.push({ field: key, reason: 'unknown setting, dropped' });
  return { settings, problems };
}

function preview(x: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(x) ?? String(x);
  } catch {
    s = String(x);
  }
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/**
 * Migrations, keyed by the version they produce (the @wxt-dev/storage convention).
 * v1 was the first, flat shape of the settings (development builds before the options page):
 *   { kinds: string[], style: 'underline'|'background'|'none', firstOnly: boolean,
 *     muted: string (comma separated), disabledSites: string[], strict: boolean }
 * Migrations never throw: what they cannot read they leave for `sanitize` to report.
 */
export const MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: (old) => {
    if (!old || typeof old !== 'object' || Array.isArray(old)) return old;
    const o = old as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    if (Array.isArray(o.kinds)) {
      const kinds = o.kinds.filter((k): k is string => typeof k === 'string');
      out.categories = {
        models: kinds.includes('model') || kinds.includes('family'),
        codenames: kinds.includes('codename'),
        products: kinds.includes('product') || kinds.includes('event'),
      };
    } else if (o.kinds !== undefined) out.categories = o.kinds;
    if (o.style !== undefined) out.style = o.style === 'none' ? 'hover' : o.style;
    if (o.firstOnly !== undefined) out.firstMentionOnly = o.firstOnly;
    if (typeof o.muted === 'string')
      out.mutedTerms = o.muted
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (o.muted !== undefined) out.mutedTerms = o.muted;
    if (o.disabledSites !== undefined) out.deny = o.disabledSites;
    if (o.strict !== undefined) out.strictness = o.strict === true ? 'block' : o.strict === false ? 'off' : o.strict;
    // Keys v1 did not know pass through (a v2 value written under a stale version mark).
    for (const [k, val] of Object.entries(o))
      if (!['kinds', 'style', 'firstOnly', 'muted', 'disabledSites', 'strict'].includes(k)) out[k] = val;
    return out;
  },
};


/** The settings after the popup's "highlight on this site" switch. */
export function setSiteEnabled(s: Settings, host: string, on: boolean): Settings {
  const h = normalizeHost(host);
  if (!h) return s;
  const deny = s.deny.filter((p) => !hostMatches(h, p));
  const allow = s.allow.filter((p) => !hostMatches(h, p));
  if (on) {
    if (s.siteMode === 'allowlist') allow.push(h);
  } else if (s.siteMode === 'all') deny.push(h);
  return { ...s, allow, deny };
}
