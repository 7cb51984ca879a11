/**
 * Which elements are asked for a closed shadow root (src/dom/shadow.ts). happy-dom has neither
 * extension API: chrome.dom.openOrClosedShadowRoot is stood in for, counting its calls. Real
 * closed roots in real browsers: tests/e2e/shadow.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findShadowRoots, findShadowRootsInSlices, laterHosts, shadowRootOf, type LaterHosts } from '../../src/dom/shadow';
import { body } from './helpers';

const g = globalThis as { chrome?: unknown };
afterEach(() => delete g.chrome);

function fakeApi(closed: Map<Element, ShadowRoot>) {
  const asked: string[] = [];
  g.chrome = {
    dom: {
      openOrClosedShadowRoot: (el: Element) => {
        asked.push(el.id || el.localName);
        return closed.get(el) ?? null;
      },
    },
  };
  return asked;
}

describe('closed shadow roots', () => {
  it('finds closed roots through the extension API, asking only likely hosts', () => {
    const root = body('<div id="full"><p id="para">text</p><span id="empty"></span></div><x-card id="card"></x-card><x-late id="late"></x-late><img id="img">');
    const card = root.querySelector('#card')!;
    const inner = card.attachShadow({ mode: 'closed' });
    inner.innerHTML = '<b id="inside">in the closed root</b>';
    const asked = fakeApi(new Map([[card, inner]]));
    const later: LaterHosts = { undefined: new Set(), shadowless: new Set() };
    expect(findShadowRoots(root, [], later)).toEqual([inner]);
    // Custom elements and empty built-in hosts are asked; elements with children and <img> are not.
    expect(asked.sort()).toEqual(['card', 'empty', 'late']);
    // Custom elements without a root are kept for a later look.
    expect([...later.undefined, ...later.shadowless].map((e) => e.id)).toEqual(['late']);
  });

  it('an open root needs no API; without an API a closed root stays unseen', () => {
    const root = body('<x-open id="o"></x-open><x-closed id="c"></x-closed>');
    const open = root.querySelector('#o')!.attachShadow({ mode: 'open' });
    root.querySelector('#c')!.attachShadow({ mode: 'closed' });
    expect(shadowRootOf(root.querySelector('#o')!)).toBe(open);
    expect(shadowRootOf(root.querySelector('#c')!)).toBeNull();
  });

  it('an API that throws (an element it does not take) is no shadow root', () => {
    g.chrome = {
      dom: {
        openOrClosedShadowRoot: () => {
          throw new TypeError('not an HTMLElement');
        },
      },
    };
    expect(shadowRootOf(body('<x-a id="a"></x-a>').querySelector('#a')!)).toBeNull();
  });
});

describe('looking for shadow roots in slices', () => {
  const page = () => {
    const root = body(Array.from({ length: 1500 }, (_, i) => (i % 500 === 250 ? `<div id="h${i}"></div>` : '<p><a>x</a></p>')).join(''));
    return [...root.querySelectorAll('div[id]')].map((h) => h.attachShadow({ mode: 'open' }));
  };

  it('finds what findShadowRoots finds, in document order', async () => {
    const roots = page();
    expect(roots).toHaveLength(3);
    const found = await findShadowRootsInSlices(document.body, laterHosts(), new AbortController().signal, Infinity);
    expect(found).toEqual(roots);
    expect(findShadowRoots(document.body)).toEqual(roots);
  });

  it('gives the page its turn between slices, and stops with its signal', async () => {
    page();
    const stop = new AbortController();
    const search = findShadowRootsInSlices(document.body, laterHosts(), stop.signal, 0);
    // Synchronously, only the first slice ran; stopped before the next one, nothing is returned.
    stop.abort();
    expect(await search).toEqual([]);
  });
});
