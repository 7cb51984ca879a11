/** The background's context menu: which items show after a right-click report, and what a click does. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../src/settings/defaults';

const EN: Record<string, string> = {
  'menu.lookup': 'Look up “%s” in ModelLens',
  'menu.mute': "Don't highlight “{name}”",
  'menu.siteOff': "Don't highlight on this site",
};
vi.mock('#i18n', () => ({ i18n: { t: (k: string) => EN[k] } }));
vi.mock('wxt/browser', () => ({ browser: { runtime: {} } }));
let settings: Settings = defaultSettings();
vi.mock('../../src/settings/items', () => ({
  updateSettings: async (change: (s: Settings) => Settings) => (settings = change(settings)),
}));
const sent: unknown[] = [];
vi.mock('../../src/messaging/client', () => ({
  sendToTab: async (...args: unknown[]) => void sent.push(args),
}));

const { applyMenuAction, ContextMenu, MENU_IDS, menuItems } = await import('../../src/background/context-menu');
type Api = ConstructorParameters<typeof ContextMenu>[0];

function fakeMenus() {
  const updates: Array<[string, object]> = [];
  let refreshed = 0;
  const api: Api = {
    create: () => undefined,
    update: async (id, props) => void updates.push([id, props]),
    removeAll: async () => undefined,
    refresh: async () => void refreshed++,
    onClicked: { addListener: () => undefined },
  };
  return { api, updates, refreshes: () => refreshed };
}

describe('context menu (background)', () => {
  beforeEach(() => {
    settings = defaultSettings();
    sent.length = 0;
  });

  it('creates "Look up" for selections and the mention items hidden', () => {
    const items = Object.fromEntries(menuItems().map((i) => [i.id, i]));
    expect(items[MENU_IDS.lookup]).toEqual({ id: MENU_IDS.lookup, title: 'Look up “%s” in ModelLens', contexts: ['selection'] });
    expect(items[MENU_IDS.mute].visible).toBe(false);
    expect(items[MENU_IDS.site].visible).toBe(false);
  });

  it('shows the mention items, titled with the name, only after a report of a mention; refreshes the open menu', async () => {
    const f = fakeMenus();
    const menu = new ContextMenu(f.api);
    await menu.report('Claude Opus 4.6', 'example.com', 7, 0);
    expect(f.updates).toEqual([
      [MENU_IDS.mute, { visible: true, title: "Don't highlight “Claude Opus 4.6”" }],
      [MENU_IDS.site, { visible: true }],
    ]);
    expect(f.refreshes()).toBe(1);
    // The same again changes nothing.
    await menu.report('Claude Opus 4.6', 'example.com', 7, 0);
    expect(f.updates).toHaveLength(2);
    await menu.report(null, 'example.com', 7, 0);
    expect(f.updates.slice(2)).toEqual([
      [MENU_IDS.mute, { visible: false }],
      [MENU_IDS.site, { visible: false }],
    ]);
  });

  it('Firefox onShown: a report from another tab or an earlier right-click no longer applies', async () => {
    const f = fakeMenus();
    const menu = new ContextMenu(f.api);
    await menu.report('GPT-5.4', 'example.com', 7, 0);
    await menu.onShown(8);
    expect(menu.shown).toEqual({ mute: null, site: false });
    await menu.onShown(7);
    expect(menu.shown).toEqual({ mute: 'GPT-5.4', site: true });
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 10_000);
    await menu.onShown(7);
    expect(menu.shown).toEqual({ mute: null, site: false });
    vi.restoreAllMocks();
  });

  it('"Look up" sends the selection to the frame it was made in', async () => {
    const menu = new ContextMenu(fakeMenus().api);
    await menu.clicked({ menuItemId: MENU_IDS.lookup, selectionText: 'claude-opus-4-6', frameId: 3 }, { id: 7 });
    expect(sent).toEqual([[7, { type: 'menuLookup', query: 'claude-opus-4-6' }, { frameId: 3 }]]);
  });

  it('"Don\'t highlight ‹name›" mutes the reported entry and tells its frame; undo removes it', async () => {
    const menu = new ContextMenu(fakeMenus().api);
    await menu.clicked({ menuItemId: MENU_IDS.mute }, { id: 7 });
    expect(settings.mutedTerms).toEqual([]); // nothing reported: nothing to mute
    settings.mutedTerms = ['Gemini'];
    await menu.report('Claude Opus 4.6', 'example.com', 7, 2);
    await menu.clicked({ menuItemId: MENU_IDS.mute }, { id: 7 });
    expect(settings.mutedTerms).toEqual(['Gemini', 'Claude Opus 4.6']);
    expect(sent).toEqual([[7, { type: 'menuDone', action: 'mute', term: 'Claude Opus 4.6' }, { frameId: 2 }]]);
    await applyMenuAction({ action: 'mute', term: 'claude opus 4.6' }, true);
    expect(settings.mutedTerms).toEqual(['Gemini']);
  });

  it('"Don\'t highlight on this site" denies the reported host; undo allows it again', async () => {
    const menu = new ContextMenu(fakeMenus().api);
    await menu.report('GPT-5.4', 'news.example.com', 7, 0);
    await menu.clicked({ menuItemId: MENU_IDS.site }, { id: 7 });
    expect(settings.deny).toEqual(['news.example.com']);
    expect(sent).toEqual([[7, { type: 'menuDone', action: 'site', term: 'news.example.com' }, { frameId: 0 }]]);
    await applyMenuAction({ action: 'site', term: 'news.example.com' }, true);
    expect(settings.deny).toEqual([]);
  });
});
