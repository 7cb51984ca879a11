import { describe, expect, it } from 'vitest';
import { createWrapHighlighter, MARK_TAG } from '../../src/dom/wrap-highlighter';
import { Scanner } from '../../src/dom/scanner';
import { Mention } from '../../src/dom/mentions';
import { body, testMatcher } from './helpers';

const range = (node: Text, start: number, end: number) =>
  ({ startContainer: node, startOffset: start, endContainer: node, endOffset: end, collapsed: start === end }) as StaticRange;

describe('wrapping fallback highlighter', () => {
  it('wraps ranges in marks without changing the text, and removes every trace on clear', () => {
    const root = body('<p id="a">Mythos and GPT-5.4 and Mythos</p><p id="b">Gemini 2.5 <b>Pro</b> end</p>');
    const before = root.innerHTML;
    const a = root.querySelector('#a')!.firstChild as Text;
    const bText = root.querySelector('#b')!.firstChild as Text;
    const pro = root.querySelector('b')!.firstChild as Text;
    const hl = createWrapHighlighter(document);
    // Out of order on purpose: the last mention of the node first, then the first, then the middle.
    const rs = [range(a, 23, 29), range(a, 0, 6), range(a, 11, 18), range(bText, 0, 11), range(pro, 0, 3)];
    hl.add(rs);
    expect(hl.count).toBe(5);
    const marks = [...root.querySelectorAll(MARK_TAG)].map((m) => m.textContent);
    expect(marks).toEqual(['Mythos', 'GPT-5.4', 'Mythos', 'Gemini 2.5 ', 'Pro']);
    expect(root.textContent).toBe('Mythos and GPT-5.4 and MythosGemini 2.5 Pro end');
    // The page's text node keeps its identity (it is never moved into a mark).
    expect(a.isConnected).toBe(true);
    expect(hl.rangeAt!(root.querySelector(MARK_TAG)!.firstChild!)).toBe(rs[1]);

    hl.setActive([rs[0]]);
    hl.remove([rs[2]]);
    expect([...root.querySelectorAll(MARK_TAG)].map((m) => m.textContent)).toEqual(['Mythos', 'Mythos', 'Gemini 2.5 ', 'Pro']);
    expect(root.textContent).toBe('Mythos and GPT-5.4 and MythosGemini 2.5 Pro end');

    hl.clear();
    expect(hl.count).toBe(0);
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('#a')!.firstChild).toBe(a);
    expect(root.querySelector('#a')!.childNodes).toHaveLength(1);
    expect(a.data).toBe('Mythos and GPT-5.4 and Mythos');
    expect(root.querySelector('#b')!.firstChild).toBe(bText);
    expect(root.querySelector('b')!.firstChild).toBe(pro);
  });

  it('serves the scanner as a highlighter and restores the page on teardown', () => {
    const root = body('<article><p>We compared Claude Opus 4.6 with GPT-5.4.</p><p>Mythos leaked; <i>Gemini 2.5</i> Pro too.</p></article>');
    const before = root.innerHTML;
    const hl = createWrapHighlighter(document);
    Mention.relocate = (r) => hl.relocate(r);
    try {
      const scanner = new Scanner(document, testMatcher(), hl);
      scanner.scanNow(root);
      expect(scanner.size).toBe(4);
      expect([...root.querySelectorAll(MARK_TAG)].map((m) => m.textContent)).toEqual(['Claude Opus 4.6', 'GPT-5.4', 'Mythos', 'Gemini 2.5', ' Pro']);
      // Live ranges for the card follow the text into its mark.
      const texts = [...scanner.mentions()].map((m) => m.text).sort();
      expect(texts).toEqual(['Claude Opus 4.6', 'GPT-5.4', 'Gemini 2.5 Pro', 'Mythos']);
      scanner.clear();
      hl.clear();
      expect(root.innerHTML).toBe(before);
    } finally {
      Mention.relocate = null;
    }
  });
});
