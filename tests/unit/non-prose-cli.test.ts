import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../src/knowledge/compile';
import { readKnowledgeDir } from '../../src/knowledge/load';
import { createMatcher, match } from '../../src/core/matcher';

const m = createMatcher(compileIndex(readKnowledgeDir('src/knowledge/entries').entries));
const found = (t: string) => match(t, m).map((x) => x.alias);

describe('the value of a command-line option is not prose', () => {
  it('skips names passed to --options, keeps the same names in prose', () => {
    expect(found('python3 -m fastchat.serve.cli --model-path lmsys/vicuna-7b-v1.5')).toEqual([]);
    expect(found('run --model=Qwen2.5-7B, then compare it with Qwen2.5-7B')).toEqual(['Qwen2.5-7B']);
    expect(found('GPT-4o -- the best one -- beats Llama 3')).toEqual(['GPT-4o', 'Llama 3']);
  });
});
