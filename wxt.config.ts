import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { INDEX_FILE, indexScript, knowledgePlugin } from './scripts/vite-knowledge-plugin';
import { localesPlugin } from './scripts/vite-locales-plugin';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ICON_SIZES, writeIcons } from './scripts/icons';
import { contentScriptBudget, nativeBrowserForPageScripts } from './scripts/content-budget';
import { thisDevBrowser } from './scripts/dev-browser';
import { updateDefines } from './scripts/update-config';

/** `npm run dev`'s browser: --no-sandbox as root, none without a display (scripts/dev-browser.ts). */
const devBrowser = thisDevBrowser();

/** Icons are rendered from assets/icon.svg at build time (scripts/icons.ts). */
const icons = Object.fromEntries(ICON_SIZES.map((s) => [s, `icon/${s}.png`]));

// https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  // Separate output folders let several builds (e.g. a benchmark and the e2e suite) run side by side.
  outDir: process.env.MODELLENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact(), knowledgePlugin(), localesPlugin()],
    build: { target: 'es2022' },
    // The knowledge pack's URL and public key (scripts/update-config.ts).
    define: updateDefines(),
  }),
  manifest: ({ browser }) => ({
    name: 'ModelLens',
    // UI strings live in locales/*.yml (@wxt-dev/i18n); the store description is translated too.
    default_locale: 'en',
    description: '__MSG_extDescription__',
    icons,
    action: { default_title: 'ModelLens', default_icon: { 16: icons[16], 32: icons[32] } },
    // storage: settings and the user's own knowledge (storage.local). Nothing else: the popup
    // reaches the tab's content script by message, which needs no "tabs" or "activeTab".
    // alarms: the daily knowledge pack check (src/background/pack-schedule.ts).
    // contextMenus (Chrome) / menus (Firefox): "Look up ‹selection› in ModelLens", "Don't highlight …".
    // Firefox also "scripting": the card UI goes into a page by scripting.executeScript, so nothing
    // is web-accessible there (src/dom/extension-script.ts).
    permissions: browser === 'firefox' ? ['storage', 'alarms', 'menus', 'scripting'] : ['storage', 'alarms', 'contextMenus'],
    // The engine and the alias index (loaded by the content script's first stage once a frame has
    // text, src/dom/first-stage.ts) and the card UI (on the first card, src/dom/lazy-card.ts).
    // Chrome: web-accessible only through the per-session dynamic URL, never at
    // chrome-extension://<id>/card.js; Firefox: nothing web-accessible (src/dom/extension-script.ts).
    ...(browser === 'firefox'
      ? {}
      : { web_accessible_resources: [{ resources: ['card.js', 'engine.js', INDEX_FILE], matches: ['<all_urls>'], use_dynamic_url: true }] }),
    // The first stage in every frame (src/dom/first-stage.ts); it loads the engine where there is
    // text. A manifest stylesheet styles ::highlight() in the document's own tree scope without
    // adding any element to the page (the card's CSS goes into its shadow root).
    content_scripts: [
      {
        matches: ['<all_urls>'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_idle',
        js: ['first-stage.js'],
        css: ['highlights.css'],
      },
    ],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_cmdNext__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_cmdPrevious__',
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
            // data_collection_permissions needs Firefox for Android 142 (web-ext lint warns otherwise).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  webExt: devBrowser.config,
  zip: {
    // The sources zip (Firefox review) holds what a reviewer needs to rebuild: no builds, caches or screenshots.
    excludeSources: ['.output*/**', 'docs/screenshots/**', 'tmp/**', '.eval/**', 'stats.html', '.wxt/**'],
  },
  hooks: {
    // Content script and card script use the browser's own promise-based `browser`/`chrome`, not
    // webextension-polyfill (−10 kB in every page); budget check after the build.
    'vite:build:extendConfig': nativeBrowserForPageScripts,
    'build:done': contentScriptBudget,
    'server:started': () => devBrowser.notes.forEach((n) => console.warn(`ModelLens dev: ${n}`)),
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: INDEX_FILE, contents: indexScript() });
      const dir = join(tmpdir(), `modellens-icons-${process.pid}`);
      for (const rel of writeIcons(dir)) files.push({ absoluteSrc: join(dir, rel), relativeDest: rel });
    },
  },
});
