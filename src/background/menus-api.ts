/** The slice of the browser's context-menu API ModelLens uses (`menus` in Firefox, `contextMenus` in Chrome). */
import { browser } from 'wxt/browser';

export type CreateProps = { id: string; title: string; contexts: string[]; visible?: boolean };
export type ClickInfo = { menuItemId: string | number; selectionText?: string; frameId?: number };
export type ClickTab = { id?: number } | undefined;
/** The slice of `menus` (Firefox) / `contextMenus` (Chrome) used here. */
export interface MenusApi {
  create(props: CreateProps, cb?: () => void): unknown;
  update(id: string, props: { title?: string; visible?: boolean }): Promise<void>;
  removeAll(): Promise<void>;
  refresh?(): Promise<void>;
  onClicked: { addListener(fn: (info: ClickInfo, tab?: ClickTab) => void): void };
  onShown?: { addListener(fn: (info: unknown, tab?: ClickTab) => void): void };
}

export function menusApi(): MenusApi | undefined {
  const b = browser as unknown as { menus?: MenusApi; contextMenus?: MenusApi };
  return b.menus ?? b.contextMenus;
}

