/**
 * The card's host: one shadow-root UI created on first use (so an untouched page gets no element),
 * a Preact render of <Card>, and Floating UI placement against the mention's Ranges.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CARD_OFFSET, VIEWPORT_PADDING } from '../core/constants';
import { sendToBackground } from '../messaging/client';
import type { EntryResponse, MenuDone } from '../messaging/protocol';
import { lookupSelection } from '../core/lookup';
import { LookupMiss } from './LookupMiss';
import { showToast } from './toast';
import type { CardApi, CardHandlers, CardLookup, CardTarget, PageReads } from './card-api';
import type { Entry } from '../knowledge/schema';
import { timelineNote } from '../core/timeline';
import { localDay } from '../core/lifecycle';
import { Card } from './Card';
import { t, type MessageKey } from './i18n';
import type { Tr } from '../core/words';

/** Card words in the browser's language (locales/*.yml, `card.*`). */
const tr: Tr = (key, subs) => t(`card.${key}` as MessageKey, subs);
import cardCss from './card.css?inline';

/**
 * Shown only while the extension's page stylesheet (public/highlights.css) is there: Firefox
 * removes it on uninstall without running any content-script code, and a card open then goes with
 * it. `!important` to come after WXT's own `:host{all:initial !important}`.
 */
const HOST_CSS = ':host{visibility:var(--modellens-visible,hidden)!important}';

function rectOf(ranges: Range[]): DOMRect {
  const rects = ranges.flatMap((r) => [...r.getClientRects()]);
  if (!rects.length) return ranges[0]?.getBoundingClientRect() ?? new DOMRect();
  // The first line box: a mention wrapped over two lines anchors to where it starts.
  return rects[0];
}

export class CardHost implements CardApi {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private layer: HTMLDivElement | null = null;
  private stopAuto: (() => void) | null = null;
  private target: CardTarget | null = null;
  private pinned = false;
  /** "N more facts" opened; kept while the card is pinned, reset for each new card otherwise. */
  private expanded = false;
  private data: EntryResponse | null = null;
  private compare: Entry | null = null;
  private token = 0;
  private live: HTMLElement | null = null;
  /** Where keyboard focus was before the card took it; Esc gives it back. */
  private returnFocus: HTMLElement | null = null;
  private pageDate: string | null | undefined;

  constructor(
    private ctx: ContentScriptContext,
    private handlers: CardHandlers,
    private page: PageReads,
  ) {}

  contains(node: Node | null): boolean {
    return !!node && !!this.ui && (node === this.ui.shadowHost || this.ui.shadowHost.contains(node));
  }

  private pendingUi: Promise<HTMLDivElement> | null = null;

  /** Create the host once; concurrent callers (show + announce) share the same creation. */
  private ensure(): Promise<HTMLDivElement> {
    if (this.layer) return Promise.resolve(this.layer);
    this.pendingUi ??= this.create().finally(() => (this.pendingUi = null));
    return this.pendingUi;
  }

  private async create(): Promise<HTMLDivElement> {
    this.ui = await createShadowRootUi(this.ctx, {
      name: 'modellens-ui',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: cardCss + HOST_CSS,
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container) => {
        const live = container.ownerDocument.createElement('div');
        live.className = 'sr-only';
        live.setAttribute('aria-live', 'polite');
        live.setAttribute('role', 'status');
        container.append(live);
        this.live = live;
        const layer = container.ownerDocument.createElement('div');
        layer.className = 'layer';
        layer.addEventListener('pointerenter', () => this.handlers.onPointerInCard(true));
        layer.addEventListener('pointerleave', () => this.handlers.onPointerInCard(false));
        container.append(layer);
        this.layer = layer;
      },
      onRemove: () => {
        if (this.layer) render(null, this.layer);
        this.layer = null;
      },
    });
    this.ui.mount();
    return this.layer!;
  }

  /** Show the card for `target`. `focus`: move keyboard focus into it (keyboard tour). */
  async show(target: CardTarget, token: number, focus = false): Promise<void> {
    this.token = token;
    this.target = target;
    if (!this.pinned) this.expanded = false;
    this.data = null;
    this.compare = null;
    const layer = await this.ensure();
    if (this.token !== token) return;
    layer.classList.toggle('dark', this.page.dark());
    this.paint(true);
    this.place();
    const data = target.entityId ? await this.handlers.load(target.entityId).catch(() => ({ entry: null, links: {} })) : { entry: null, links: {} };
    if (this.token !== token) return; // a newer card replaced this one
    this.data = data;
    this.paint(false);
    this.place();
    if (focus) {
      const active = this.page.focused();
      if (!this.returnFocus && active && !this.contains(active)) this.returnFocus = active;
      (layer.querySelector('.card') as HTMLElement | null)?.focus({ preventScroll: true });
    }
  }

  /** Say something to screen readers (the focused mention during the keyboard tour). */
  async announce(text: string): Promise<void> {
    await this.ensure();
    if (this.live) this.live.textContent = text;
  }

  async lookup(text: string): Promise<CardLookup> {
    return { hit: lookupSelection(text, this.handlers.matcher()), ranges: [this.page.selection()] };
  }

  /** A notice after a context-menu action, with Undo. */
  async toast(done: MenuDone): Promise<void> {
    const undo = () => void sendToBackground({ type: 'menuUndo', action: done.action, term: done.term }).catch(() => undefined);
    const layer = await this.ensure();
    const text = done.action === 'mute' ? tr('toastMuted', { name: done.term }) : tr('toastSiteOff', { host: done.term });
    const timer = (fn: () => void, ms: number) => this.ctx.setTimeout(fn, ms);
    showToast(layer.parentElement!, { text, undoLabel: tr('undo'), dark: this.page.dark(), onUndo: undo }, timer);
  }

  private async setCompare(id: string | null): Promise<void> {
    const token = this.token;
    const other = id ? (await this.handlers.load(id).catch(() => null))?.entry ?? null : null;
    if (token !== this.token) return;
    this.compare = other;
    this.paint(false);
  }

  /** Show another entry in the same card (a related link). */
  async open(id: string): Promise<void> {
    if (!this.target) return;
    await this.show({ ...this.target, entityId: id, unknownVersion: undefined }, ++this.token);
  }

  setPinned(p: boolean): void {
    this.pinned = p;
    this.paint(false);
  }

  private paint(loading: boolean): void {
    if (!this.layer || !this.target) return;
    const t = this.target;
    const entry = this.data?.entry ?? null;
    if (!t.entityId) return this.paintMiss(t.alias);
    if (this.pageDate === undefined) this.pageDate = this.page.publishDate();
    // The background's day (the reader's today); the local calendar day until it answered.
    const today = this.data?.today ?? localDay(new Date());
    render(
      h(Card, {
        tr,
        today,
        timeline: entry ? timelineNote(entry, this.pageDate, today, tr) : null,
        user: this.data?.user === true,
        others: entry ? this.handlers.others(entry.id) : [],
        compare: this.compare,
        onCompare: (id: string | null) => void this.setCompare(id),
        entry: this.data?.entry ?? null,
        links: this.data?.links ?? {},
        alias: t.alias,
        unknownVersion: t.unknownVersion,
        pinned: this.pinned,
        loading,
        expanded: this.expanded,
        onExpand: (v: boolean) => {
          this.expanded = v;
          this.paint(false);
        },
        onPin: () => this.handlers.onPin(!this.pinned),
        onClose: () => this.handlers.onClose(),
        onOpen: (id: string) => void this.open(id),
      }),
      this.layer,
    );
    this.layer.hidden = false;
  }

  /** A looked-up text the knowledge lacks. */
  private paintMiss(query: string): void {
    const layer = this.layer!;
    const close = () => this.handlers.onClose();
    render(h(LookupMiss, { tr, query, onSearch: () => void sendToBackground({ type: 'openKnowledge', query }).catch(() => undefined), onClose: close }), layer);
    layer.hidden = false;
  }

  private place(): void {
    const layer = this.layer;
    const t = this.target;
    if (!layer || !t) return;
    const reference = {
      getBoundingClientRect: () => rectOf(t.ranges),
      getClientRects: () => t.ranges.flatMap((r) => [...r.getClientRects()]),
    };
    this.stopAuto?.();
    this.stopAuto = autoUpdate(reference, layer, () => {
      void computePosition(reference, layer, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(CARD_OFFSET),
          flip({ padding: VIEWPORT_PADDING }),
          shift({ padding: VIEWPORT_PADDING }),
          size({
            padding: VIEWPORT_PADDING,
            apply({ availableHeight }) {
              const card = layer.firstElementChild as HTMLElement | null;
              // Never more than 60% of the viewport (card.css), nor more than the room there is.
              const room = Math.min(availableHeight, Math.round((layer.ownerDocument.defaultView ?? window).innerHeight * 0.6));
              if (card) card.style.maxHeight = `${Math.max(120, room)}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        layer.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  }

  hide(): void {
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back?.isConnected && this.ui && this.ui.shadow.activeElement) back.focus({ preventScroll: true });
    this.target = null;
    this.compare = null;
    this.pinned = false;
    this.expanded = false;
    this.token++;
    this.stopAuto?.();
    this.stopAuto = null;
    if (this.layer) {
      render(null, this.layer);
      this.layer.hidden = true;
    }
  }

  destroy(): void {
    this.hide();
    this.ui?.remove();
    this.ui = null;
  }
}
