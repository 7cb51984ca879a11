/**
 * End-to-end test builds only (WXT_E2E=1; in every other build `import.meta.env.WXT_E2E` is
 * undefined and this code is removed): headless browsers cannot open the native context menu, so
 * the tests ask, from an extension page, which items were created with which contexts and what the
 * pointer items show now, and choose an item by calling the registered onClicked listener with the
 * info and tab the browser would pass.
 */
import { browser } from 'wxt/browser';
import type { MenusApi } from './menus-api';

type Click = Parameters<Parameters<MenusApi['onClicked']['addListener']>[0]>;

interface E2eMenuMessage {
  type: 'e2eMenu';
  op: 'items' | 'click';
  info?: Click[0];
  tabId?: number;
}

/** Wrap `menus` so the tests can see what was created and updated and can click; returns the wrapped API. */
export function menusForTests(menus: MenusApi): MenusApi {
  const created: unknown[] = [];
  const state: Record<string, { title?: string; visible?: boolean }> = {};
  const clicks: Array<(...a: Click) => void> = [];
  /** What the browser refused (a create's lastError, an update's rejection). */
  const errors: string[] = [];
  const lastError = () => (browser.runtime as { lastError?: { message?: string } }).lastError;
  const api: MenusApi = {
    ...menus,
    create: (props, cb) => {
      created.push(structuredClone(props));
      state[props.id] = { title: props.title, visible: props.visible ?? true };
      return menus.create(props, () => {
        const e = lastError();
        if (e) errors.push(`create ${props.id}: ${e.message}`);
        cb?.();
      });
    },
    update: (id, props) => {
      state[id] = { ...state[id], ...props };
      return menus.update(id, props).catch((e: unknown) => {
        errors.push(`update ${id}: ${String(e)}`);
        throw e;
      });
    },
    removeAll: () => {
      created.length = 0;
      return menus.removeAll();
    },
    refresh: menus.refresh?.bind(menus),
    onClicked: {
      addListener: (fn) => {
        clicks.push(fn);
        menus.onClicked.addListener(fn);
      },
    },
    onShown: menus.onShown,
  };
  browser.runtime.onMessage.addListener(((m: unknown, _s: unknown, respond: (r: unknown) => void) => {
    const msg = m as E2eMenuMessage;
    if (msg?.type !== 'e2eMenu') return undefined;
    if (msg.op === 'items') respond({ created, state, errors });
    else {
      for (const fn of clicks) fn(msg.info!, { id: msg.tabId });
      respond(true);
    }
    return true;
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return api;
}
