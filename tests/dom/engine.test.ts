import { afterEach, describe, expect, it } from 'vitest';
import { PageEngine } from '../../src/dom/engine';
import { observeMutations } from '../../src/dom/observer';
import { Scanner } from '../../src/dom/scanner';
import { body, collecting, testMatcher, text, tick } from './helpers';
import { MUTATION_DEBOUNCE_MS } from '../../src/core/constants';

const texts = (hl: ReturnType<typeof collecting>) => hl.ranges.map(text).sort();

describe('batched observer', () => {
  let abort: AbortController;
  afterEach(() => abort?.abort());

  it('collects a burst of changes into one rescan of the outermost touched blocks', async () => {
    const root = body('<div id="feed"><p id="a">one</p></div><p id="b">two <b>x</b></p>');
    abort = new AbortController();
    const calls: string[][] = [];
    let sweeps = 0;
    observeMutations(document.documentElement, { rescan: (r) => calls.push(r.map((x) => (x as Element).id || x.nodeName)), full: () => calls.push(['FULL']), sweep: () => sweeps++ }, abort.signal);
    const feed = root.querySelector('#feed')!;
    for (let i = 0; i < 5; i++) {
      const p = document.createElement('p');
      p.id = `n${i}`;
      p.textContent = `new ${i}`;
      feed.append(p);
    }
    (root.querySelector('#a')!.firstChild as Text).data = 'changed'; // characterData: its block
    root.querySelector('b')!.append(' more'); // text into an inline element: the block around it
    await tick(MUTATION_DEBOUNCE_MS + 50);
    expect(calls).toHaveLength(1);
    expect(calls[0].sort()).toEqual(['a', 'b', 'n0', 'n1', 'n2', 'n3', 'n4']);
    expect(sweeps).toBe(0);
    root.querySelector('#n0')!.remove();
    await tick(MUTATION_DEBOUNCE_MS + 50);
    expect(sweeps).toBe(1);
  });

  it('asks for a full rescan past the threshold, and stops with the signal', async () => {
    const root = body('<div id="list"></div>');
    abort = new AbortController();
    const calls: string[] = [];
    observeMutations(document.documentElement, { rescan: () => calls.push('rescan'), full: () => calls.push('full'), sweep: () => {} }, abort.signal);
    const list = root.querySelector('#list')!;
    for (let i = 0; i < 500; i++) list.append(document.createElement('p'));
    await tick(MUTATION_DEBOUNCE_MS + 50);
    expect(calls).toEqual(['full']);
    abort.abort();
    list.append(document.createElement('p'));
    await tick(MUTATION_DEBOUNCE_MS + 50);
    expect(calls).toEqual(['full']);
  });
});

describe('page engine', () => {
  let abort: AbortController;
  afterEach(() => abort?.abort());

  const setup = () => {
    abort = new AbortController();
    const hl = collecting();
    const scanner = new Scanner(document, testMatcher(), hl, { signal: abort.signal });
    let changes = 0;
    const engine = new PageEngine(document, { scanner: () => scanner, changed: () => changes++ }, abort.signal);
    return { hl, scanner, engine, changes: () => changes };
  };

  it('scans the page and its open shadow roots, and follows added and removed content', async () => {
    const root = body('<p>GPT-5.4 here</p><div id="host"></div><div id="feed"></div>');
    const sr = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>Shadow: Claude Opus 4.6</p>';
    const { hl, scanner, engine } = setup();
    await engine.scanAll();
    engine.observe();
    expect(texts(hl)).toEqual(['Claude Opus 4.6', 'GPT-5.4']);
    expect(engine.shadowRoots).toEqual([sr]);

    // Infinite scroll: appended paragraphs, one with a shadow host of its own.
    const feed = root.querySelector('#feed')!;
    const p = document.createElement('p');
    p.textContent = 'More: Gemini 2.5 Pro';
    const host = document.createElement('section');
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Late shadow: Mythos</p>';
    feed.append(p, host);
    // Text typed into the shadow root later.
    sr.querySelector('p')!.append(' and GPT-5.4');
    await tick(MUTATION_DEBOUNCE_MS + 50);
    expect(texts(hl)).toEqual(['Claude Opus 4.6', 'GPT-5.4', 'GPT-5.4', 'Gemini 2.5 Pro', 'Mythos']);
    expect(engine.shadowRoots).toHaveLength(2);

    // Removed content drops its highlights.
    p.remove();
    await tick(MUTATION_DEBOUNCE_MS + 50);
    expect(texts(hl)).toEqual(['Claude Opus 4.6', 'GPT-5.4', 'GPT-5.4', 'Mythos']);
    expect(scanner.size).toBe(4);
  });

  it('rescans edited text without duplicates', async () => {
    const root = body('<p id="p">Claude Opus 4.6 and <b>GPT-5.4</b></p>');
    const { hl, scanner, engine } = setup();
    await engine.scanAll();
    engine.observe();
    (root.querySelector('b')!.firstChild as Text).data = 'GPT-5.4 again';
    (root.querySelector('#p')!.firstChild as Text).data = 'Mythos and Claude Opus 4.6 and ';
    await tick(MUTATION_DEBOUNCE_MS + 50);
    expect(texts(hl)).toEqual(['Claude Opus 4.6', 'GPT-5.4', 'Mythos']);
    expect(scanner.size).toBe(3);
  });

  it('treats an SPA navigation as a new page', async () => {
    const root = body('<main><p>Page one: Mythos</p></main>');
    const { hl, engine } = setup();
    await engine.scanAll();
    engine.observe();
    history.pushState({}, '', '?page=2');
    root.querySelector('main')!.innerHTML = '<p>Page two: GPT-5.4</p>';
    await tick(MUTATION_DEBOUNCE_MS + 100);
    expect(texts(hl)).toEqual(['GPT-5.4']);
  });

  it('stops with its signal: no more rescans, shadow-root styles taken back', async () => {
    const root = body('<div id="host"></div>');
    const sr = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>Mythos</p>';
    const { hl, engine } = setup();
    await engine.scanAll();
    engine.observe();
    const adopted = sr.adoptedStyleSheets?.length ?? 0;
    abort.abort();
    expect(sr.adoptedStyleSheets?.length ?? 0).toBe(Math.max(0, adopted - 1));
    const n = hl.ranges.length;
    root.append(Object.assign(document.createElement('p'), { textContent: 'GPT-5.4' }));
    await tick(MUTATION_DEBOUNCE_MS + 50);
    expect(hl.ranges.length).toBe(n);
  });
});

describe('page engine and hidden content', () => {
  let abort: AbortController;
  afterEach(() => abort?.abort());

  it('highlights content once it is shown, and drops it once it is made editable', async () => {
    const root = body('<section id="s" hidden><p>Later: Mythos</p></section><div id="d"><p>Now: GPT-5.4</p></div>');
    abort = new AbortController();
    const hl = collecting();
    const scanner = new Scanner(document, testMatcher(), hl, { signal: abort.signal });
    const engine = new PageEngine(document, { scanner: () => scanner }, abort.signal);
    await engine.scanAll();
    engine.observe();
    expect(texts(hl)).toEqual(['GPT-5.4']);
    root.querySelector('#s')!.removeAttribute('hidden');
    root.querySelector('#d')!.setAttribute('contenteditable', 'true');
    await tick(MUTATION_DEBOUNCE_MS + 50);
    expect(texts(hl)).toEqual(['Mythos']);
  });
});
