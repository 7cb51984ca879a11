/**
 * The highlight style setting, without touching the page: the one Highlight that holds every
 * mention is registered in CSS.highlights under the name whose ::highlight() rule draws the chosen
 * style (public/highlights.css). "hover" registers it under a name with no rule, so only the
 * active mention (HL_ACTIVE) shows.
 */
import type { HighlightStyle } from '../settings/defaults';
import { HL_MENTION } from './highlighter';

const STYLE_NAMES: Record<HighlightStyle, string> = {
  underline: HL_MENTION,
  background: 'modellens-background',
  hover: 'modellens-hover',
};

type Registry = Map<string, unknown>;

export interface StyleSwitch {
  set(style: HighlightStyle): void;
  /** Unregister the style names this switch added (HL_MENTION is the highlighter's to clear). */
  clear(): void;
}

/** Call right after createHighlighter(): takes the Highlight it registered as HL_MENTION. */
export function createStyleSwitch(win: Window & typeof globalThis = window): StyleSwitch {
  const registry = win.CSS?.highlights as unknown as Registry | undefined;
  // Without the Highlight API (the wrapping fallback) there is nothing to switch.
  if (!registry) return { set() {}, clear() {} };
  const all = registry.get(HL_MENTION);
  let current: HighlightStyle = 'underline';
  const unregister = () => {
    for (const name of Object.values(STYLE_NAMES)) if (registry.get(name) === all) registry.delete(name);
  };
  return {
    set(style) {
      if (!all || style === current) return;
      unregister();
      registry.set(STYLE_NAMES[style], all);
      current = style;
    },
    clear() {
      if (current === 'underline') return;
      for (const name of Object.values(STYLE_NAMES)) if (name !== HL_MENTION && registry.get(name) === all) registry.delete(name);
      current = 'underline';
    },
  };
}
