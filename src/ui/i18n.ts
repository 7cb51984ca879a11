/**
 * UI strings for the extension pages (popup, options, knowledge browser), from locales/*.yml via
 * @wxt-dev/i18n. "Browser language" uses the browser's own choice (browser.i18n); the options'
 * language setting can pick English or German instead: the same tables, bundled at build time
 * from locales/*.yml (scripts/vite-locales-plugin.ts).
 */
import { i18n, type GeneratedI18nStructure } from '#i18n';
import { browser } from 'wxt/browser';
import LOCALES from 'virtual:modellens-locales';
import type { Language } from '../settings/defaults';

export type MessageKey = keyof GeneratedI18nStructure;

let table: Record<string, string> | null = null;
let active: Language = 'auto';

/** Load the messages for `lang` ('auto': the browser's language). Safe to call again. */
export async function setLanguage(lang: Language): Promise<void> {
  active = lang;
  if (lang === 'auto') table = null;
  else {
    table = LOCALES[lang] ?? null;
  }
  document.documentElement.lang = uiLanguage();
}

/** The language the UI shows, as a BCP 47 tag. */
function uiLanguage(): string {
  if (active !== 'auto' && table) return active;
  return browser.i18n.getMessage('@@ui_locale').replace('_', '-') || 'en';
}

/**
 * A UI string. `{name}` placeholders take `subs`; with `count`, a message "one | other" (or
 * "zero | one | other") picks its plural form, as @wxt-dev/i18n does.
 */
export function t(key: MessageKey, subs?: Record<string, string | number>, count?: number): string {
  const flat = key.replaceAll('.', '_');
  let msg = (table?.[flat] ?? (i18n.t as (k: string) => string)(key)) || key;
  if (count !== undefined) {
    const forms = msg.split(' | ');
    msg = forms.length === 3 ? forms[count === 0 || count === 1 ? count : 2] : forms.length === 2 ? forms[count === 1 ? 0 : 1] : forms[0];
  }
  return subs ? msg.replace(/\{(\w+)\}/g, (m, k: string) => (k in subs ? String(subs[k]) : m)) : msg;
}
