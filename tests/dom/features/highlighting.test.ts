/** Highlighting: the highlighter chosen for the page, and the style setting followed live. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseHighlighter, initHighlightStyle } from '../../../src/dom/features/highlighting';
import { HL_MENTION } from '../../../src/dom/highlighter';
import { Mention } from '../../../src/dom/mentions';
import { defaultSettings } from '../../../src/settings/defaults';
import { body } from '../helpers';
import { INDEX, makeSession } from './session';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

describe('highlighting', () => {
  const g = globalThis as Record<string, unknown>;
  const targets = [...new Set<object>([window, globalThis])];
  const saved = new Map<object, PropertyDescriptor | undefined>();
  afterEach(() => {
    delete g.Highlight;
    delete (window as unknown as Record<string, unknown>).Highlight;
    for (const [w, d] of saved) {
      if (d) Object.defineProperty(w, 'CSS', d);
      else delete (w as Record<string, unknown>).CSS;
    }
    saved.clear();
    Mention.relocate = null;
  });

  it('wraps, reversibly, where the Highlight API is missing', () => {
    body('<p>GPT-5.4</p>');
    const hl = chooseHighlighter(document);
    expect(Mention.relocate).not.toBeNull();
    expect(typeof hl.add).toBe('function');
  });

  it('uses CSS highlights where they exist, and follows the style setting until the session ends', () => {
    // happy-dom has no Highlight API, and makes a new CSS object on each read: one that keeps a registry.
    const registry = new Map<string, unknown>();
    g.Highlight = FakeHighlight;
    (window as unknown as Record<string, unknown>).Highlight = FakeHighlight;
    const css = Object.assign(window.CSS, { highlights: registry });
    for (const w of targets) {
      saved.set(w, Object.getOwnPropertyDescriptor(w, 'CSS'));
      Object.defineProperty(w, 'CSS', { value: css, configurable: true, writable: true });
    }
    body('<p>GPT-5.4</p>');
    chooseHighlighter(document);
    expect(Mention.relocate).toBeNull();
    const all = registry.get(HL_MENTION);
    expect(all).toBeInstanceOf(FakeHighlight);

    const { session, abort } = makeSession({ style: 'background' });
    initHighlightStyle(session, abort.signal);
    expect(registry.get('modellens-background')).toBe(all);
    session.apply({ settings: { ...defaultSettings(), style: 'hover' }, index: INDEX });
    expect(registry.get('modellens-hover')).toBe(all);
    expect(registry.has('modellens-background')).toBe(false);
    abort.abort();
    expect(registry.has('modellens-hover')).toBe(false);
  });
});
