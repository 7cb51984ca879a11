import { render } from 'preact';
import { Options } from '@/src/ui/Options';
import { setLanguage, t } from '@/src/ui/i18n';
import { loadSettings } from '@/src/settings/items';
import { bundledEntries } from '@/src/knowledge/store';
import '@/src/ui/pages.css';
import './options.css';

let generation = 0;
function paint() {
  document.title = t('options.pageTitle');
  // A new key remounts the page, so every string is looked up again in the new language.
  render(<Options key={++generation} bundled={bundledEntries as Record<string, never>} onLanguage={paint} />, document.getElementById('app')!);
}

async function main() {
  const { settings } = await loadSettings();
  await setLanguage(settings.language);
  paint();
}

void main();
