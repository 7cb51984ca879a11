/**
 * The content script's main: scan the page, keep highlights in step with it, and run the card.
 * Everything registered here stops with `ctx` (extension update, disable, uninstall).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createMatcher } from '../core/matcher';
import type { CompiledIndex } from '../knowledge/compile';
import { HoverIntent } from '../core/hover-intent';
import { isContentRequest, type EntryResponse, type EntrySummary, type MentionInfo } from '../messaging/protocol';
import { CardHost } from '../ui/mount';
import { createHighlighter, supportsHighlights } from './highlighter';
import { mentionAt } from './hit-test';
import type { Mention } from './mentions';
import { observeMutations } from './observer';
import { Scanner } from './scanner';

const QUOTE = 32;

export function describe(m: Mention): MentionInfo {
  const first = m.ranges[0];
  const last = m.ranges[m.ranges.length - 1];
  const text = m.ranges.map((r) => r.toString()).join('');
  const pre = (first.startContainer as Text).data.slice(0, first.startOffset);
  const post = (last.endContainer as Text).data.slice(last.endOffset);
  return {
    key: m.key,
    entityId: m.entityId,
    exact: m.match.alias || text,
    prefix: pre.slice(-QUOTE),
    suffix: post.slice(0, QUOTE),
    unknownVersion: m.match.unknownVersion,
  };
}

/** Mentions in document order. */
export function ordered(scanner: Scanner): Mention[] {
  return [...scanner.mentions()].sort((a, b) => a.ranges[0].compareBoundaryPoints(Range.START_TO_START, b.ranges[0]));
}

export async function start(ctx: ContentScriptContext): Promise<void> {
  if (!supportsHighlights()) return; // the wrapping fallback is opt-in; see page engine docs
  const abort = new AbortController();
  ctx.onInvalidated(() => abort.abort());
  const signal = abort.signal;

  const index = (globalThis as { __MODELLENS_INDEX__?: CompiledIndex }).__MODELLENS_INDEX__;
  if (!index) throw new Error('ModelLens: knowledge index script missing');
  const matcher = createMatcher(index);
  const hl = createHighlighter();
  const scanner = new Scanner(document, matcher, hl, { signal });

  const card = new CardHost(ctx, {
    load: (id) => browser.runtime.sendMessage({ type: 'getEntry', id }) as Promise<EntryResponse>,
    others: (exceptId) => {
      const seen = new Set<string>([exceptId]);
      const out: EntrySummary[] = [];
      for (const m of ordered(scanner)) {
        if (seen.has(m.entityId)) continue;
        seen.add(m.entityId);
        const i = index.ids.indexOf(m.entityId);
        if (i >= 0) out.push({ id: m.entityId, name: index.names[i], vendor: index.vendors[i], kind: index.kinds[i] as EntrySummary['kind'] });
      }
      return out;
    },
    onClose: () => intent.close(),
    onPin: (p) => {
      intent.setPinned(p);
      card.setPinned(p);
    },
    onPointerInCard: (inside) => intent.pointerInCard(inside),
  });

  /** Set while the keyboard tour shows a mention: the card takes focus. */
  let focusNext = false;
  const intent = new HoverIntent<Mention>({
    timers: { set: (fn, ms) => ctx.setTimeout(fn, ms), clear: (id) => clearTimeout(id) },
    show: (m, token) => {
      hl.setActive(m.ranges);
      const focus = focusNext;
      focusNext = false;
      void card.show({ ranges: m.ranges, alias: m.match.alias, entityId: m.entityId, unknownVersion: m.match.unknownVersion }, token, focus);
    },
    hide: () => {
      hl.setActive(null);
      card.hide();
    },
  });

  // Pointer: one hit test per frame at most.
  let pending: PointerEvent | null = null;
  ctx.addEventListener(
    document,
    'pointermove',
    (e: PointerEvent) => {
      if (pending === null) ctx.requestAnimationFrame(() => {
        const ev = pending;
        pending = null;
        if (!ev) return;
        if (card.contains(ev.target as Node)) return;
        intent.pointerAt(mentionAt(document, scanner.byNode, ev.clientX, ev.clientY));
      });
      pending = e;
    },
    { passive: true, capture: true },
  );
  ctx.addEventListener(document, 'pointerdown', (e: PointerEvent) => {
    if (card.contains(e.target as Node)) return;
    const m = mentionAt(document, scanner.byNode, e.clientX, e.clientY);
    if (m && e.pointerType === 'touch') intent.showNow(m);
    else if (!m && intent.current) intent.close();
  }, { capture: true });
  // Keyboard: Esc closes (and gives focus back); Alt+Shift+N / P step through mentions when the
  // browser did not take the shortcut as an extension command. Window capture also sees keys
  // pressed inside the card, whose events are isolated from the page.
  ctx.addEventListener(window, 'keydown', (e: KeyboardEvent) => {
    if (e.key === 'Escape' && intent.current) {
      intent.close();
      return;
    }
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyN' || e.code === 'KeyP')) {
      if (tour(e.code === 'KeyN' ? 1 : -1)) e.preventDefault();
    }
  }, { capture: true });

  // Keyboard tour through mentions (commands arrive from the background).
  let tourIndex = -1;
  const focusMention = (m: Mention, list: Mention[]) => {
    const r = m.ranges[0].getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight) window.scrollBy({ top: r.top - innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    focusNext = true;
    intent.showNow(m);
    const i = index.ids.indexOf(m.entityId);
    void card.announce(`${i >= 0 ? index.names[i] : m.match.alias}: mention ${list.indexOf(m) + 1} of ${list.length}`);
  };
  const tour = (dir: 1 | -1): boolean => {
    const list = ordered(scanner);
    if (!list.length) return false;
    const cur = intent.current ? list.indexOf(intent.current) : -1;
    const from = cur >= 0 ? cur : tourIndex;
    tourIndex = from < 0 ? (dir > 0 ? 0 : list.length - 1) : (from + dir + list.length) % list.length;
    focusMention(list[tourIndex], list);
    return true;
  };
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (signal.aborted || !isContentRequest(msg)) return undefined;
    if (msg.type === 'listMentions') return Promise.resolve(ordered(scanner).map(describe));
    if (msg.type === 'tour') return Promise.resolve(tour(msg.dir));
    const list = ordered(scanner);
    const next = list.find((m) => m.entityId === msg.entityId);
    if (next) focusMention(next, list);
    return Promise.resolve(!!next);
  });

  ctx.onInvalidated(() => {
    intent.close();
    scanner.clear();
    hl.clear();
    card.destroy();
  });

  await scanner.scan(document.body ?? document.documentElement);
  if (signal.aborted) return;
  observeMutations(
    document.body ?? document.documentElement,
    {
      rescan: (roots) => {
        scanner.drop((m) => roots.some((r) => r.contains(m.block)));
        for (const r of roots) scanner.scanNow(r);
      },
      full: () => {
        scanner.clear();
        void scanner.scan(document.body, false);
      },
      sweep: () => {
        scanner.drop((m) => !m.ranges[0].startContainer.isConnected);
      },
    },
    signal,
  );
}
