/**
 * `virtual:modellens-locales`: every locales/*.yml as the flat message table the browser builds
 * from it (`_locales/<lang>/messages.json`), bundled into the extension pages, so choosing a
 * language other than the browser's needs no file read at run time.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { generateChromeMessagesText, parseMessagesFile } from '@wxt-dev/i18n/build';

const ID = 'virtual:modellens-locales';
const DIR = resolve(import.meta.dirname ?? __dirname, '../locales');

export function localesPlugin(dir = DIR): Plugin {
  return {
    name: 'modellens-locales',
    resolveId: (id) => (id === ID ? '\0' + ID : null),
    async load(id) {
      if (id !== '\0' + ID) return null;
      const tables: Record<string, Record<string, string>> = {};
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
        this.addWatchFile(join(dir, file));
        const chrome = JSON.parse(generateChromeMessagesText(await parseMessagesFile(join(dir, file)))) as Record<string, { message: string }>;
        tables[file.replace(/\.yml$/, '')] = Object.fromEntries(Object.entries(chrome).map(([k, v]) => [k, v.message]));
      }
      return `export default ${JSON.stringify(tables)};`;
    },
  };
}
