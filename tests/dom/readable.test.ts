import { describe, expect, it } from 'vitest';
import { hasReadableText, whenReadable } from '../../src/dom/readable';

describe('readable text (the first stage of a frame)', () => {
  it('tells text from markup, scripts, styles and white space', () => {
    document.body.innerHTML = '<div> \n </div><script>var a = "GPT-5.4";</script><style>p{}</style><noscript>x</noscript>';
    expect(hasReadableText(document.body)).toBe(false);
    document.body.innerHTML = '<div><span>  </span><b>Hello</b></div>';
    expect(hasReadableText(document.body)).toBe(true);
  });

  it('counts custom elements and shadow hosts as text (their content is not in the light DOM)', () => {
    document.body.innerHTML = '<my-widget></my-widget>';
    expect(hasReadableText(document.body)).toBe(true);
    document.body.innerHTML = '<div id="h"></div>';
    document.getElementById('h')!.attachShadow({ mode: 'open' }).innerHTML = '<p>inside</p>';
    expect(hasReadableText(document.body)).toBe(true);
  });

  it('waits for text to arrive, and gives up when aborted', async () => {
    document.body.innerHTML = '<div id="slot"></div>';
    const abort = new AbortController();
    let done: boolean | null = null;
    const p = whenReadable(document, abort.signal).then((v) => (done = v));
    document.getElementById('slot')!.append(document.createElement('span'));
    const s = document.createElement('script');
    s.textContent = 'var x = 1;';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBeNull();
    document.getElementById('slot')!.append('Now some text');
    await p;
    expect(done).toBe(true);

    document.body.innerHTML = '';
    const never = new AbortController();
    const q = whenReadable(document, never.signal);
    never.abort();
    expect(await q).toBe(false);
    void abort;
  });
});
