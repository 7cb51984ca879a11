/**
 * The parts of the settings the content script needs, free of the validation library, so the
 * code injected into every page stays small (validation runs in the background and options page).
 */
import type { Category, Settings } from './defaults';

export const CATEGORY_OF_KIND: Record<string, Category> = {
  model: 'models',
  family: 'models',
  codename: 'codenames',
  product: 'products',
  event: 'products',
};

/** "https://www.Example.com:8080/x" or "example.com." → "www.example.com" / "example.com". Empty when not a host. */
export function normalizeHost(input: string): string {
  let s = input.trim().toLowerCase();
  if (!s) return '';
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\*\./, '');
  s = s.split(/[/?#]/)[0].replace(/:\d+$/, '').replace(/\.$/, '');
  return /^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/.test(s) && !s.startsWith('.') ? s : '';
}

/** Does `host` fall under `pattern` ("example.com" covers "www.example.com")? */
export function hostMatches(host: string, pattern: string): boolean {
  const h = normalizeHost(host);
  const p = normalizeHost(pattern);
  return !!h && !!p && (h === p || h.endsWith('.' + p));
}

/** Should ModelLens highlight on `host`? Pages without a host (file:, data:) follow the mode. */
export function siteEnabled(s: Pick<Settings, 'siteMode' | 'allow' | 'deny'>, host: string): boolean {
  if (s.deny.some((p) => hostMatches(host, p))) return false;
  if (s.siteMode === 'allowlist') return s.allow.some((p) => hostMatches(host, p));
  return true;
}
