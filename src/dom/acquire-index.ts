/**
 * Where a page gets its alias index: the one place to change when the index comes from elsewhere.
 * Today it is the bundled index from knowledge-index.js, a manifest content script listed before
 * the main one: evaluating it only defines a getter, and the first read here decodes it (about
 * 110 kB packed), so frames that never get this far (src/dom/readable.ts) pay for parsing alone.
 * No file is web-accessible and nothing is fetched or sent.
 */
import type { CompiledIndex } from '../core/index-format';

export async function acquireIndex(): Promise<CompiledIndex> {
  const bundled = (globalThis as { __MODELLENS_INDEX__?: CompiledIndex }).__MODELLENS_INDEX__;
  if (!bundled) throw new Error('ModelLens: no index');
  return bundled;
}
