import { render } from 'preact';
import { KnowledgeBrowser } from '@/src/ui/KnowledgeBrowser';
import { setLanguage, t } from '@/src/ui/i18n';
import { loadSettings } from '@/src/settings/items';
import { bundledEntries } from '@/src/knowledge/store';
import '@/src/ui/pages.css';
import './knowledge.css';

async function main() {
  const { settings } = await loadSettings();
  await setLanguage(settings.language);
  document.title = t('browser.pageTitle');
  render(<KnowledgeBrowser bundled={bundledEntries as Record<string, never>} />, document.getElementById('app')!);
}

void main();
