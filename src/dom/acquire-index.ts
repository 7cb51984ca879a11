/**
 * Where a page gets its alias index: the one place to change when the index comes from elsewhere.
 * Today it is the bundled index from knowledge-index.js, loaded into this content-script world
 * when the engine starts, as the engine itself is (src/dom/extension-script.ts: no fixed address
 * a page could probe): evaluating it only defines a getter, and the first read here decodes the
 * expression; the entity and alias tables wait for the first match. Nothing is sent.
 */
import type { CompiledIndex } from '../core/index-format';
import { loadExtensionScript } from './extension-script';

export async function acquireIndex(): Promise<CompiledIndex> {
  const g = globalThis as { __MODELLENS_INDEX__?: CompiledIndex };
  if (!g.__MODELLENS_INDEX__) await loadExtensionScript('knowledge-index.js');
  const bundled = g.__MODELLENS_INDEX__;
  if (!bundled) throw new Error('ModelLens: no index');
  return bundled;
}
