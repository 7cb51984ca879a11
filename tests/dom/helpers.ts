/** Shared by the dom tests: a small real index and a collecting highlighter. */
import { createMatcher, type Matcher } from '../../src/core/matcher';
import { compileIndex } from '../../src/knowledge/compile';
import type { Entry } from '../../src/knowledge/schema';
import type { Highlighter } from '../../src/dom/highlighter';

const entry = (id: string, name: string, aliases: Entry['aliases']): Entry =>
  ({ id, name, vendor: id.split('/')[0], kind: 'model', summary: '', aliases }) as unknown as Entry;

export function testMatcher(): Matcher {
  return createMatcher(
    compileIndex([
      entry('anthropic/mythos', 'Mythos', ['Mythos']),
      entry('anthropic/claude-opus-4-6', 'Claude Opus 4.6', ['Claude Opus 4.6', 'claude-opus-4-6']),
      entry('google/gemini-2.5-pro', 'Gemini 2.5 Pro', ['Gemini 2.5 Pro']),
      entry('openai/gpt-5.4', 'GPT-5.4', ['GPT-5.4']),
    ]),
  );
}

export function collecting(): Highlighter & { ranges: AbstractRange[] } {
  const ranges: AbstractRange[] = [];
  return {
    ranges,
    add: (r) => void ranges.push(...r),
    remove: (r) => {
      for (const x of r) {
        const i = ranges.indexOf(x);
        if (i >= 0) ranges.splice(i, 1);
      }
    },
    setActive() {},
    clear: () => void (ranges.length = 0),
    get count() {
      return ranges.length;
    },
  };
}

export function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

export const text = (r: AbstractRange) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
export const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
