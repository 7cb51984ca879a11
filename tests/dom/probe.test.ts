import { afterEach, describe, expect, it } from 'vitest';
import { PROBE_CHUNK, PROBE_SEP } from '../../src/core/probe';
import { LISTENERS_GLOBAL, type MessageListener } from '../../src/dom/globals';
import { probeRoots } from '../../src/dom/probe';
import { untilNeeded } from '../../src/dom/probe-stage';

type Listener = (...a: unknown[]) => unknown;

/** The extension API as the first stage sees it (`chrome`), answering probes with `answer`. */
function fakeExtension(answer: (text: string) => boolean) {
  const state = { answer, asked: [] as string[], sent: [] as { type: string }[], onMessage: [] as Listener[], onStorage: [] as Listener[], gone: false };
  (globalThis as Record<string, unknown>).chrome = {
    runtime: {
      get id() {
        return state.gone ? undefined : 'modellens';
      },
      getURL: (p: string) => p,
      sendMessage: async (m: { type: string; text?: string }) => {
        if (state.gone) throw new Error('Extension context invalidated.');
        state.sent.push(m);
        if (m.type !== 'probe') return undefined;
        state.asked.push(m.text!);
        return state.answer(m.text!);
      },
      onMessage: { addListener: (l: Listener) => state.onMessage.push(l) },
    },
    storage: {
      onChanged: {
        addListener: (l: Listener) => state.onStorage.push(l),
        removeListener: (l: Listener) => state.onStorage.splice(state.onStorage.indexOf(l), 1),
      },
    },
  };
  return state;
}

const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));
const hasGpt = (t: string) => /GPT-5\.4/.test(t);

afterEach(() => {
  delete (globalThis as Record<string, unknown>).chrome;
  delete (globalThis as Record<string, unknown>)[LISTENERS_GLOBAL];
  document.body.innerHTML = '';
});

describe('reading for the probe', () => {
  it('sends block texts as the engine reads them: inline text joined, blocks apart', async () => {
    document.body.innerHTML = '<p>Gemini 2.5 <b>Pro</b> today</p><div>next<br>line</div><script>GPT-5.4</script>';
    const asked: string[] = [];
    const yes = await probeRoots([document.body], async (t) => (asked.push(t), false), new AbortController().signal);
    expect(yes).toBe(false);
    expect(asked).toEqual([['Gemini 2.5 Pro today', 'next', 'line'].join(PROBE_SEP)]);
  });

  it('asks in parts on a long page and stops at the first part that may hold a name', async () => {
    const para = 'x'.repeat(1000);
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p>${i === 150 ? 'GPT-5.4' : para}</p>`).join('');
    const asked: string[] = [];
    const yes = await probeRoots([document.body], async (t) => (asked.push(t), hasGpt(t)), new AbortController().signal);
    expect(yes).toBe(true);
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.every((t) => t.length <= PROBE_CHUNK + 1000)).toBe(true);
    expect(hasGpt(asked.at(-1)!)).toBe(true);
    // Stopped there: the rest of the page was not sent.
    expect(asked.join('').length).toBeLessThan(300 * 1000);
  });
});

describe('the probe stage of a frame', () => {
  it('stays without the engine on a page without names, and wakes when the page adds one', async () => {
    const ext = fakeExtension(hasGpt);
    document.body.innerHTML = '<p>A quiet page about the sea.</p>';
    let needed = false;
    void untilNeeded(document).then(() => (needed = true));
    await settle();
    expect(ext.asked).toEqual(['A quiet page about the sea.']);
    expect(needed).toBe(false);
    const p = document.createElement('p');
    p.textContent = 'Then GPT-5.4 shipped.';
    document.body.append(p);
    await settle(250);
    expect(needed).toBe(true);
    expect(ext.asked.at(-1)).toBe('Then GPT-5.4 shipped.');
  });

  it('reads open shadow roots', async () => {
    fakeExtension(hasGpt);
    document.body.innerHTML = '<p>Nothing here.</p><div id="host"></div>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>GPT-5.4 inside</p>';
    let needed = false;
    void untilNeeded(document).then(() => (needed = true));
    await settle();
    expect(needed).toBe(true);
  });

  it('starts the engine when the extension asks the frame, and hands the message to it', async () => {
    const ext = fakeExtension(() => false);
    document.body.innerHTML = '<p>No names.</p>';
    const needed = untilNeeded(document);
    await settle();
    const [listener] = ext.onMessage;
    expect(listener({ type: 'probe', host: '', text: '' }, {}, () => undefined)).toBeUndefined();
    const replies: unknown[] = [];
    expect(listener({ type: 'pageInfo' }, { tab: { id: 1 } }, (r: unknown) => replies.push(r))).toBe(true);
    const { forward } = await needed;
    // The engine started and listens: its listener answers what came before.
    const engine: MessageListener = (msg, _s, respond) => ((msg as { type: string }).type === 'pageInfo' ? (respond({ total: 0 }), true) : undefined);
    (globalThis as Record<string, unknown>)[LISTENERS_GLOBAL] = [engine];
    forward();
    expect(replies).toEqual([{ total: 0 }]);
    // From now on the engine's own listeners answer.
    expect(listener({ type: 'pageInfo' }, {}, () => undefined)).toBeUndefined();
  });

  it('answers a held message with nothing when the engine did not start', async () => {
    const ext = fakeExtension(() => false);
    document.body.innerHTML = '<p>No names.</p>';
    const needed = untilNeeded(document);
    await settle();
    const replies: unknown[] = [];
    ext.onMessage[0]({ type: 'menuLookup', query: 'x' }, {}, (r: unknown) => replies.push(r));
    (await needed).forward();
    expect(replies).toEqual([undefined]);
  });

  it('reads everything again when settings or the knowledge change (a site switched on)', async () => {
    const ext = fakeExtension(() => false);
    document.body.innerHTML = '<p>GPT-5.4 on a site that is off.</p>';
    let needed = false;
    void untilNeeded(document).then(() => (needed = true));
    await settle();
    expect(needed).toBe(false);
    ext.answer = hasGpt;
    for (const l of ext.onStorage) l({ other: {} }, 'local');
    await settle();
    expect(needed).toBe(false);
    for (const l of ext.onStorage) l({ settings: {} }, 'local');
    await settle();
    expect(needed).toBe(true);
    expect(ext.onStorage).toHaveLength(0);
  });

  it('tells the context menu that no mention is under the pointer', async () => {
    const ext = fakeExtension(() => false);
    document.body.innerHTML = '<p>No names.</p>';
    void untilNeeded(document);
    await settle();
    document.body.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    await settle();
    expect(ext.sent.filter((m) => m.type === 'menuContext')).toEqual([{ type: 'menuContext', host: document.location.hostname, mention: null }]);
  });

  it('stops quietly when the extension goes away, and starts the engine when only the background failed', async () => {
    const ext = fakeExtension(() => false);
    document.body.innerHTML = '<p>No names.</p>';
    let needed = false;
    void untilNeeded(document).then(() => (needed = true));
    await settle();
    ext.gone = true;
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'GPT-5.4' }));
    await settle(250);
    expect(needed).toBe(false);

    const ext2 = fakeExtension(() => false);
    (globalThis as unknown as { chrome: { runtime: { sendMessage: unknown } } }).chrome.runtime.sendMessage = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    let needed2 = false;
    void untilNeeded(document).then(() => (needed2 = true));
    await settle();
    expect(needed2).toBe(true);
    void ext2;
  });
});
