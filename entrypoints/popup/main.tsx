import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/src/ui/Popup';
import { setLanguage } from '@/src/ui/i18n';
import { loadSettings } from '@/src/settings/items';
import '@/src/ui/pages.css';
import './popup.css';

/** The tab the popup is about: the active one, or `?tab=<id>` (the popup opened as a page, e.g. by tests). */
async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function main() {
  const [{ settings }, tabId] = await Promise.all([loadSettings(), targetTab()]);
  await setLanguage(settings.language);
  render(<Popup tabId={tabId} />, document.getElementById('app')!);
}

void main();
