/**
 * The bench's floor (scripts/bench-frames.ts): another extension, measured beside ModelLens the
 * same way, that does the least any extension reading a page's text can do.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FLOOR_LABEL = 'floor';

/**
 * The floor: an extension whose only content script, in every frame at document_idle like
 * ModelLens's, reads every text node of the body once with a TreeWalker and touches no extension
 * API. Nothing that reads a page's text can cost less.
 */
export function writeFloorExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'floor',
    version: '1.0',
    content_scripts: [{ matches: ['<all_urls>'], all_frames: true, match_about_blank: true, run_at: 'document_idle', js: ['floor.js'] }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(dir, 'floor.js'),
    '(() => { if (!document.body) return; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let n = 0; for (let t = w.nextNode(); t; t = w.nextNode()) n += t.data.length; globalThis.__floorChars = n; })();\n',
  );
  return dir;
}
