import { describe, expect, it } from 'vitest';
import { locate, readBlocks } from '../../src/dom/text-walker';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('text walker', () => {
  it('joins inline elements into one block and splits at blocks', () => {
    const b = readBlocks(body('<p>Gemini 2.5 <b>Pro</b> and <a href="#">Claude</a> Opus 4.6</p><div>next <span>block</span></div>'));
    expect(b.map((x) => x.text)).toEqual(['Gemini 2.5 Pro and Claude Opus 4.6', 'next block']);
    expect(b[0].nodes).toHaveLength(5);
  });

  it('splits at <br> and nested blocks', () => {
    const b = readBlocks(body('<p>Claude<br>Opus</p><div>A<div>B</div>C</div>'));
    expect(b.map((x) => x.text)).toEqual(['Claude', 'Opus', 'A', 'B', 'C']);
  });

  it('skips inputs, editors, scripts, styles, hidden and opted-out content', () => {
    const b = readBlocks(
      body(
        `<p>visible</p><textarea>Mythos</textarea><input value="Mythos"><select><option>Mythos</option></select>
         <div contenteditable="true">Mythos</div><div contenteditable="false">ok</div><script>var Mythos</script><style>.Mythos{}</style>
         <noscript>Mythos</noscript><div translate="no">Mythos</div><div data-modellens="off">Mythos</div>
         <div hidden>Mythos</div><div class="cm-editor"><div>Mythos</div></div><div class="monaco-editor">Mythos</div>`,
      ),
    );
    const all = b.map((x) => x.text.trim()).filter(Boolean);
    expect(all).toEqual(['visible', 'ok']);
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
