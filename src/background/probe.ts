/**
 * The background's answer to a frame's probe (src/core/probe.ts): is the site on, and may a name
 * stand in the frame's texts, read with the index the page would use — the stored merged one
 * (knowledge pack, the user's entries) when it was built on this bundled index, else the bundled
 * one? Warm code: the matcher and the groups it compiled stay for the next frame.
 */
import type { CompiledIndex } from '../core/index-format';
import { createMatcher, type Matcher } from '../core/matcher';
import { mayHoldName } from '../core/probe';
import { pickIndex, sameIndex } from '../knowledge/fingerprint';
import type { BackgroundProtocol, Message, PageSetup } from '../messaging/protocol';
import { siteEnabled } from '../settings/sites';

/** The bundled index as the background gets it (virtual module, scripts/vite-knowledge-plugin.ts), with its fingerprint. */
export type BundledIndex = CompiledIndex & { fp: string };

let current: Matcher | null = null;

/** Whether the frame that sent `q` should load its engine. */
export function answerProbe(bundled: BundledIndex, setup: PageSetup, q: Message<BackgroundProtocol, 'probe'>): boolean {
  if (!siteEnabled(setup.settings, q.host)) return false;
  const index = pickIndex(bundled, setup.stored, bundled.fp);
  if (!current || !sameIndex(current.index, index)) current = createMatcher(index);
  return mayHoldName(current, { text: q.text, headings: q.headings, strictness: setup.settings.strictness });
}
