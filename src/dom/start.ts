/**
 * The content script's main: scan the page, keep highlights in step with it, and run the card.
 * Everything registered here stops with `ctx` (extension update, disable, uninstall).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createMatcher } from '../core/matcher';
import type { CompiledIndex } from '../knowledge/compile';
import { HoverIntent } from '../core/hover-intent';
import { isContentRequest, type EntryResponse, type EntrySummary, type MentionInfo, type PageInfo } from '../messaging/protocol';
import { aliasFilter, countEntities, entityFilter, needsRescan } from '../settings/apply';
import { loadPageSetup, watchPageSetup } from '../settings/page';
import { indexFingerprint } from '../knowledge/fingerprint';
import { siteEnabled } from '../settings/sites';
import { createStyleSwitch } from './highlight-style';
import { LazyCardHost as CardHost } from './lazy-card';
import { createHighlighter, supportsHighlights, type Highlighter } from './highlighter';
import { createWrapHighlighter } from './wrap-highlighter';
import { PageEngine } from './engine';
import { mentionAt } from './hit-test';
import { compareMentions, Mention } from './mentions';
import { Scanner } from './scanner';

/** Mention counts go to the badge at most this often: a long page changes them every slice. */
const COUNT_REPORT_MS = 250;

const QUOTE = 32;
/** How often to check that the extension is still there (see start()). */
const INVALIDATION_CHECK_MS = 1000;

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

/**
 * An onMessage listener that answers with a promise, in the form every browser understands
 * without webextension-polyfill (Chromium ignores a returned promise): sendResponse + `true`.
 */
function answer(handle: (msg: unknown) => Promise<unknown> | undefined) {
  return (msg: unknown, _sender: unknown, sendResponse: (r: unknown) => void): true | undefined => {
    const reply = handle(msg);
    if (!reply) return undefined;
    void reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
}

/** Mentions in document order. */
export function ordered(scanner: Scanner): Mention[] {
  return [...scanner.mentions()].sort(compareMentions);
}

export async function start(ctx: ContentScriptContext): Promise<void> {
  const abort = new AbortController();
  ctx.onInvalidated(() => abort.abort());
  // An update, reload, disable or uninstall leaves this script running without its extension;
  // WXT notices (runtime.id gone) when one of ctx's timers fires, then every onInvalidated
  // cleanup below runs: highlights cleared, observers and listeners stopped.
  ctx.setInterval(() => undefined, INVALIDATION_CHECK_MS);
  const signal = abort.signal;

  const bundled = (globalThis as { __MODELLENS_INDEX__?: CompiledIndex }).__MODELLENS_INDEX__;
  if (!bundled) throw new Error('ModelLens: knowledge index script missing');
  // Settings and the user's knowledge (src/settings): read once here, then followed live below.
  let { settings, index } = await loadPageSetup(bundled);
  if (signal.aborted) return;
  const host = location.hostname;
  let enabled = siteEnabled(settings, host);
  let matcher = createMatcher(index);
  // CSS Custom Highlights; where the API is missing, the reversible wrapping fallback.
  let hl: Highlighter;
  if (supportsHighlights()) hl = createHighlighter();
  else {
    const wrap = createWrapHighlighter(document);
    Mention.relocate = (r) => wrap.relocate(r);
    hl = wrap;
  }
  // Style names are CSS.highlights names; the wrapping fallback has one style.
  const style = supportsHighlights() ? createStyleSwitch() : { set() {}, clear() {} };
  style.set(settings.style);
  // Each (re)scan gets its own abort, so a settings change stops a scan in flight.
  let scanAbort = new AbortController();
  const makeScanner = () =>
    new Scanner(document, matcher, hl, {
      signal: AbortSignal.any([signal, scanAbort.signal]),
      strictness: settings.strictness,
      accept: entityFilter(settings, index),
      onChange: () => prune(),
    });
  let scanner = makeScanner();
  // The page engine: document and open shadow roots, mutations, SPA navigations (src/dom/engine.ts).
  const engine = new PageEngine(document, { scanner: () => scanner, enabled: () => enabled, changed: () => prune(), highlighter: hl }, signal);

  /** Settings that work per mention: muted wordings, first mention only. */
  const prune = () => {
    const keepAlias = aliasFilter(settings);
    const first = new Map<string, Mention>();
    if (settings.firstMentionOnly) for (const m of ordered(scanner)) if (!first.has(m.entityId)) first.set(m.entityId, m);
    if (settings.firstMentionOnly || settings.mutedTerms.length)
      scanner.drop((m) => !keepAlias(m.match.alias) || (settings.firstMentionOnly && first.get(m.entityId) !== m));
    reportCount();
  };

  // The action badge: the top frame's mention count (what the popup lists).
  let reported = -1;
  let reportTimer = 0;
  const reportCount = () => {
    if (window !== window.top || reportTimer) return;
    reportTimer = ctx.setTimeout(() => {
      reportTimer = 0;
      const n = enabled ? scanner.size : 0;
      if (n === reported || signal.aborted) return;
      reported = n;
      void browser.runtime.sendMessage({ type: 'mentionCount', count: n }).catch(() => undefined);
    }, COUNT_REPORT_MS);
  };

  const rebuild = async () => {
    scanAbort.abort();
    scanAbort = new AbortController();
    intent.close();
    scanner.clear();
    scanner = makeScanner();
    // Joins a scan in flight as its trailing run (PageEngine.full), with the new scanner.
    await engine.full();
    reportCount();
  };

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
        intent.pointerAt(mentionAt(document, scanner.byNode, ev.clientX, ev.clientY, engine.shadowRoots, hl.rangeAt));
      });
      pending = e;
    },
    { passive: true, capture: true },
  );
  ctx.addEventListener(document, 'pointerdown', (e: PointerEvent) => {
    if (card.contains(e.target as Node)) return;
    const m = mentionAt(document, scanner.byNode, e.clientX, e.clientY, engine.shadowRoots, hl.rangeAt);
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
  let lastReveal: Mention | null = null;
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
  browser.runtime.onMessage.addListener(answer((msg: unknown) => {
    if (signal.aborted || !isContentRequest(msg)) return undefined;
    if (msg.type === 'listMentions') return Promise.resolve(ordered(scanner).map(describe));
    if (msg.type === 'tour') return Promise.resolve(tour(msg.dir));
    if (msg.type === 'pageInfo') {
      const info: PageInfo = { host, enabled, total: scanner.size, entities: countEntities(index, [...scanner.mentions()].map((m) => m.entityId)) };
      return Promise.resolve(info);
    }
    // Reveal (popup): the entity's next mention after the one revealed last, wrapping around.
    const list = ordered(scanner);
    const mine = list.filter((m) => m.entityId === msg.entityId);
    const after = lastReveal?.entityId === msg.entityId ? mine.indexOf(lastReveal) + 1 : 0;
    const next = mine[after % Math.max(1, mine.length)];
    if (next) focusMention(next, list);
    lastReveal = next ?? null;
    return Promise.resolve(!!next);
  }));

  ctx.onInvalidated(() => {
    intent.close();
    scanner.clear();
    style.clear();
    hl.clear();
    card.destroy();
  });

  // Live settings: the site switch, categories, muted terms, strictness and style apply to open tabs.
  // The user imported or removed entries: match with the new merged index.
  const unwatch = watchPageSetup(bundled, ({ settings: next, index: nextIndex }) => {
    if (signal.aborted) return;
    const prev = settings;
    settings = next;
    style.set(next.style);
    const nowEnabled = siteEnabled(next, host);
    const newIndex = nextIndex !== index && indexFingerprint(nextIndex) !== indexFingerprint(index);
    if (newIndex) {
      index = nextIndex;
      matcher = createMatcher(nextIndex);
    }
    if (nowEnabled === enabled && !needsRescan(prev, next) && !newIndex) return;
    enabled = nowEnabled;
    void rebuild();
  });
  ctx.onInvalidated(unwatch);

  // Observe first, then scan (see PageEngine.observe): what the page changes while the first
  // scan yields is in the observer's next batch.
  engine.observe();
  await engine.full();
  reportCount();
}
