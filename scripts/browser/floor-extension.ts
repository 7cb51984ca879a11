/**
 * The bench's floor (scripts/bench-frames.ts): another extension, measured beside ModelLens the
 * same way, that does the least any extension reading a page's text can do.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FLOOR_LABEL = 'floor';

/**
 * An unpacked MV3 extension in `dir` named `name`: `files` (name → source), the first of them the
 * content script in every frame at document_idle, as ModelLens's; `background.js` among them
 * becomes its service worker.
 */
function writeExtension(dir: string, name: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  const [script] = Object.keys(files);
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0',
    ...('background.js' in files ? { background: { service_worker: 'background.js' } } : {}),
    content_scripts: [{ matches: ['<all_urls>'], all_frames: true, match_about_blank: true, run_at: 'document_idle', js: [script] }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const [file, source] of Object.entries(files)) writeFileSync(join(dir, file), source);
  return dir;
}

/**
 * The floor: an extension whose only content script, in every frame at document_idle like
 * ModelLens's, reads every text node of the body once with a TreeWalker and touches no extension
 * API. Nothing that reads a page's text can cost less.
 */
export function writeFloorExtension(dir: string): string {
  return writeExtension(dir, 'floor', {
    'floor.js':
      '(() => { if (!document.body) return; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let n = 0; for (let t = w.nextNode(); t; t = w.nextNode()) n += t.data.length; globalThis.__floorChars = n; })();\n',
  });
}

export const ASK_FLOOR_LABEL = 'read + ask';

/**
 * The least a frame can do that asks the background about its text, as ModelLens's probe stage
 * does (src/dom/probe-stage.ts): read every text node of the body and of every open shadow root
 * (a TreeWalker over all elements looks for them), mark where the parent changes, and send the
 * first 64 kB in one message to a background that answers no. No blocks, no context, no
 * observer, no settings: what is left of ModelLens's cost beside this column is its own.
 */
export function writeAskFloorExtension(dir: string): string {
  return writeExtension(dir, 'read and ask', {
    'ask.js': `(() => {
  if (!document.body) return;
  const parts = [];
  const roots = [document.body];
  for (let i = 0; i < roots.length; i++) {
    const e = document.createTreeWalker(roots[i], NodeFilter.SHOW_ELEMENT);
    for (let el = e.nextNode(); el; el = e.nextNode()) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  for (const root of roots) {
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let t = w.nextNode(); t; t = w.nextNode()) {
      if (t.parentNode !== last) {
        parts.push('\\0');
        last = t.parentNode;
      }
      parts.push(t.data);
    }
  }
  chrome.runtime.sendMessage({ text: parts.join('').slice(0, 65536) }).catch(() => undefined);
})();
`,
    'background.js': 'chrome.runtime.onMessage.addListener((m, s, respond) => { respond(false); });\n',
  });
}
