/** Which alias index a page uses: the bundled one, or the stored merged one built on it. Tiny: the content script imports it. */
import type { CompiledIndex } from '../core/index-format.ts';

/**
 * A short fingerprint of a compiled index (FNV-1a of its source and ids), to tell builds apart.
 * The bundled index carries it from the build (`fp`, set by knowledge-index.js): hashing its
 * 80 kB source in every frame on every load was a measurable part of the page's cost.
 */
export function indexFingerprint(index: CompiledIndex): string {
  const fp = (index as { fp?: unknown }).fp;
  if (typeof fp === 'string') return fp;
  let h = 0x811c9dc5;
  const s = index.source + '\u0000' + index.ids.join(',');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16) + ':' + index.ids.length;
}

/** The build-time fingerprint knowledge-index.js sets on the bundled index ('' without one). */
export const builtFingerprint = (index: CompiledIndex): string => (index as { fp?: string }).fp ?? '';

/** The same index (a stored merged index arrives as a new object with every settings change). */
export const sameIndex = (a: CompiledIndex, b: CompiledIndex): boolean => a === b || (a.source === b.source && a.ids.join() === b.ids.join());

/**
 * The index a page should match with: a stored merged index only when it was built on this very
 * bundled index (an update brings new bundled knowledge; until the background rebuilt the merged
 * index, the page uses the bundled one). `fingerprint`: the bundled index's.
 */
export function pickIndex<B extends Pick<CompiledIndex, 'v'>>(bundled: B, stored: { base: string; index: CompiledIndex } | null | undefined, fingerprint: string): B | CompiledIndex {
  return stored && fingerprint && stored.base === fingerprint && stored.index?.v === bundled.v ? stored.index : bundled;
}
