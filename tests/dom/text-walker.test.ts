import { describe, expect, it } from 'vitest';
import { Scanner } from '../../src/dom/scanner';
import { textPrefix } from '../../src/dom/page-text';
import { BlockWalker, locate, readBlocks } from '../../src/dom/text-walker';
import { body, collecting, testMatcher, text } from './helpers';

describe('text walker', () => {
  it('joins inline elements into one block and splits at blocks', () => {
    const b = readBlocks(body('<p>Gemini 2.5 <b>Pro</b> and <a href="#">Claude</a> Opus 4.6</p><div>next <span>block</span></div>'));
    expect(b.map((x) => x.text)).toEqual(['Gemini 2.5 Pro and Claude Opus 4.6', 'next block']);
    expect(b[0].nodes).toHaveLength(5);
  });

  it('reads a text prefix without building the whole text', () => {
    const root = body('<p>alpha <b>beta</b></p><p>gamma</p>');
    expect(textPrefix(root, 100)).toBe(root.textContent);
    expect(textPrefix(root, 8)).toBe('alpha be');
    expect(textPrefix(body(''), 10)).toBe('');
  });

  it('splits at <br> and nested blocks', () => {
    const b = readBlocks(body('<p>Claude<br>Opus</p><div>A<div>B</div>C</div>'));
    expect(b.map((x) => x.text)).toEqual(['Claude', 'Opus', 'A', 'B', 'C']);
  });

  it('never reads text in scripts, styles, form fields, media, svg or the card', () => {
    const b = readBlocks(
      body(
        `<p>visible</p><textarea>Mythos</textarea><input value="Mythos"><select><option>Mythos</option></select>
         <script>var Mythos</script><style>.Mythos{}</style><noscript>Mythos</noscript><svg><text>Mythos</text></svg>
         <video>Mythos</video><modellens-ui>Mythos</modellens-ui><p>after <b>all</b></p>`,
      ),
    );
    expect(b.map((x) => x.text.trim())).toEqual(['visible', 'after all']);
  });

  it('skips whitespace between blocks', () => {
    const b = readBlocks(body('<div>\n  <p>one</p>\n  <p>two <i>x</i></p>\n</div>'));
    expect(b.map((x) => x.text)).toEqual(['one', 'two x']);
  });

  it('walks from an element to the end, and from the start up to an element', () => {
    const root = body('<p>one</p><p id="mid">two</p><p>three</p>');
    const mid = root.querySelector('#mid')!;
    expect(readBlocks(root, { startAt: mid }).map((x) => x.text)).toEqual(['two', 'three']);
    expect(readBlocks(root, { stopAt: mid }).map((x) => x.text)).toEqual(['one']);
  });

  it('reads a subtree, and nothing inside an excluded element', () => {
    const root = body('<div id="a"><p>in <b>a</b></p></div><textarea id="t">Mythos</textarea>');
    expect(readBlocks(root.querySelector('#a')!).map((x) => x.text)).toEqual(['in a']);
    expect(readBlocks(root.querySelector('#t')!)).toEqual([]);
    expect(readBlocks(root.querySelector('b')!).map((x) => x.text)).toEqual(['a']);
  });

  it('reads text inside a shadow root', () => {
    const root = body('<div id="host"></div>');
    const sr = root.querySelector('#host')!.attachShadow({ mode: 'open' });
    sr.innerHTML = 'direct <b>text</b><p>in a <i>block</i></p>';
    expect(readBlocks(sr).map((x) => x.text)).toEqual(['direct text', 'in a block']);
  });

  it('maps block offsets back to text nodes', () => {
    const [b] = readBlocks(body('<p>Gemini 2.5 <b>Pro</b>!</p>'));
    const start = b.text.indexOf('Gemini');
    const end = b.text.indexOf('!');
    const [sn, so] = locate(b, start, false);
    const [en, eo] = locate(b, end, true);
    expect(sn.data.slice(so)).toBe('Gemini 2.5 ');
    expect(en.data.slice(0, eo)).toBe('Pro');
    // a start exactly at a node boundary belongs to the next node
    const [pn, po] = locate(b, b.text.indexOf('Pro'), false);
    expect([pn.data, po]).toEqual(['Pro', 0]);
  });
});

describe('reading a long block in parts', () => {
  it('stops after a number of text nodes, even inside a block, and goes on where it stopped', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<a>user${i}</a>`).join(', ');
    const root = body(`<p>first</p><p>Kudos: ${links} and GPT-5.4</p><p>last</p>`);
    const w = new BlockWalker(root);
    const got: string[] = [];
    let pauses = 0;
    for (let b = w.nextWithin(7); b !== null; b = w.nextWithin(7)) {
      if (b === undefined) pauses++;
      else got.push(b.text);
    }
    // 83 text nodes in three blocks, 7 at a time: the long block is read in many parts.
    expect(pauses).toBeGreaterThan(5);
    expect(got).toEqual(readBlocks(root).map((b) => b.text));
    expect(got[1]).toMatch(/^Kudos: user0, user1, .* and GPT-5\.4$/);
  });
});

describe('scanner exclusions', () => {
  it('highlights nothing in inputs, editable text, editors, scripts, styles, hidden and opted-out content', () => {
    const root = body(
      `<p>Mythos visible</p><textarea>Mythos</textarea><input value="Mythos"><select><option>Mythos</option></select>
       <div contenteditable="true">Mythos</div><div contenteditable="">Mythos</div><div contenteditable="plaintext-only">Mythos</div>
       <div contenteditable="false">Mythos ok</div><script>var Mythos</script><style>.Mythos{}</style>
       <noscript>Mythos</noscript><div translate="no">Mythos</div><div data-modellens="off"><p>Mythos</p></div>
       <div hidden>Mythos</div><div style="display:none">Mythos</div><div style="visibility:hidden">Mythos</div>
       <div class="cm-editor"><div class="cm-line">Mythos</div></div><div class="monaco-editor">Mythos</div>
       <div class="ProseMirror">Mythos</div><div class="CodeMirror">Mythos</div>`,
    );
    const hl = collecting();
    const scanner = new Scanner(document, testMatcher(), hl);
    scanner.scanNow(root);
    const where = hl.ranges.map((r) => (r.startContainer as Text).data);
    expect(where).toEqual(['Mythos visible', 'Mythos ok']);
    expect(hl.ranges.map(text)).toEqual(['Mythos', 'Mythos']);
  });
});
