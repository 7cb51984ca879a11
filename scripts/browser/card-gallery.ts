/**
 * Builds tests/e2e/card-gallery (every knowledge entry through the real card component and its
 * styles) into a folder the harness can serve, for measuring cards in real browsers.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { knowledgePlugin } from '../vite-knowledge-plugin';
import { ROOT } from './harness';

export async function buildCardGallery(outDir = mkdtempSync(join(tmpdir(), 'modellens-cards-'))): Promise<string> {
  await build({
    configFile: false,
    root: join(ROOT, 'tests/e2e/card-gallery'),
    base: './',
    logLevel: 'warn',
    plugins: [preact(), knowledgePlugin()],
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: false },
  });
  return outDir;
}
