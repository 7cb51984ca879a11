/** The lazily loaded card: loads on the first call that shows something, queues the rest. */
import { describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LazyCard } from '../../src/dom/lazy-card';
import type { CardHandlers, CardModule } from '../../src/ui/card-api';
import { recordingCard } from './features/session';

vi.mock('wxt/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const ctx = { isInvalid: false } as ContentScriptContext;
const handlers = {} as CardHandlers;
const target = { ranges: [], alias: 'GPT-5.4', entityId: 'openai/gpt-5.4' };

function module() {
  const card = recordingCard();
  const load = vi.fn(async (): Promise<CardModule> => ({ createCard: () => card }));
  return { card, load };
}

describe('LazyCard', () => {
  it('loads nothing until something is shown, then loads once', async () => {
    const { card, load } = module();
    const lazy = new LazyCard(ctx, handlers, load);
    lazy.hide();
    lazy.setPinned(true);
    expect(lazy.contains(document.body)).toBe(false);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([lazy.show(target, 1), lazy.announce('GPT-5.4: mention 1 of 1')]);
    await lazy.show(target, 2, true);
    expect(load).toHaveBeenCalledTimes(1);
    expect(card.shown.map((s) => s.focus)).toEqual([false, true]);
    expect(card.said).toEqual(['GPT-5.4: mention 1 of 1']);
    lazy.hide();
    expect(card.hidden).toBe(1);
  });

  it('never creates a card once destroyed', async () => {
    const { card, load } = module();
    const lazy = new LazyCard(ctx, handlers, load);
    const shown = lazy.show(target, 1);
    lazy.destroy();
    await shown;
    expect(card.shown).toEqual([]);
  });

  it('is typed: a misspelt method does not compile', () => {
    const lazy = new LazyCard(ctx, handlers, module().load);
    // @ts-expect-error: there is no `shw`
    expect(() => lazy.shw(target, 1)).toThrow(TypeError);
  });
});
