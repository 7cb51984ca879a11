import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { INDEX_FILE, indexScript, knowledgePlugin } from './scripts/vite-knowledge-plugin';

// https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  // Separate output folders let several builds (e.g. a benchmark and the e2e suite) run side by side.
  outDir: process.env.MODELLENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), knowledgePlugin()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'ModelLens',
    description:
      'Highlights AI model names, API ids and codenames on any page and explains them with sourced, dated facts.',
    permissions: ['storage'],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next model mention on the page',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Go to the previous model mention on the page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'modellens@modellens.dev',
              // ::highlight() (CSS Custom Highlight API) ships in Firefox 140.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // Highlight styles must live in the document's own tree scope, but the content script's CSS
    // goes into the card's shadow root (cssInjectionMode "ui"). A manifest-declared stylesheet
    // styles ::highlight() without adding any element to the page.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const cs of manifest.content_scripts ?? []) {
        cs.css = [...(cs.css ?? []), 'highlights.css'];
        // The alias index is data, compiled at build time, loaded as its own script first.
        cs.js = [INDEX_FILE, ...(cs.js ?? [])];
      }
    },
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: INDEX_FILE, contents: indexScript() });
    },
  },
});
