import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileIndex } from '../../src/knowledge/compile';
import { readKnowledgeDir } from '../../src/knowledge/load';
import { createMatcher, match } from '../../src/core/matcher';
import { checkNonModelNames, NON_MODEL_NAMES } from '../../src/knowledge/non-model-names';
import { matchKey } from '../../src/core/normalize';

const { entries } = readKnowledgeDir('src/knowledge/entries');
const m = createMatcher(compileIndex(entries));
const found = (text: string) => match(text, m).map((x) => x.alias);

describe('known non-model names (src/knowledge/non-model-names.json)', () => {
  it('are never highlighted, while the models next to them are', () => {
    expect(found('Run Llama 3.1 8B locally with llama.cpp and fine-tune it with LLaMA-Factory.')).toEqual(['Llama 3.1 8B']);
    expect(found('Vicuna-13B was fine-tuned on ShareGPT; Alpaca-LoRA reproduces Alpaca on one GPU.')).toContain('Vicuna-13B');
    expect(found('Alpaca-LoRA reproduces the recipe on one GPU.')).toEqual([]);
    expect(found('We trained on Open Orca and the OpenOrca-Platypus2 mix, then ran chatglm.cpp with ChatGLM3-6B.')).toEqual(['ChatGLM3-6B']);
    expect(found('The dolly-15k and databricks-dolly-15k sets were used; whisper.cpp and faster-whisper transcribe.')).toEqual([]);
    expect(found('Serve it with FastChat, compare on Chatbot Arena, and evaluate with AlpacaEval.')).toEqual([]);
  });

  it('an identifier counts only as written: "Llama models" is not "llama-models"', () => {
    expect(found('see llama-models and llama-recipes')).toEqual([]);
    expect(found('in the same manner as Qwen or Llama models.')).toEqual(['Qwen', 'Llama']);
  });

  it('do not hide a model that starts with one ("FastChat-T5")', () => {
    expect(found('FastChat-T5 is a chatbot trained by fine-tuning Flan-T5-XL.')).toContain('FastChat-T5');
  });

  it('every recorded name is read whole and yields no mention', () => {
    const bad = NON_MODEL_NAMES.filter((n) => match(`We used ${n.text} for this.`, m).length > 0).map((n) => n.text);
    expect(bad).toEqual([]);
    expect(NON_MODEL_NAMES.length).toBeGreaterThan(100);
  });

  it('the file is checked: sense, repeats, clashes with a model alias', () => {
    const aliases = new Map([[matchKey('GPT-NeoX'), 'eleutherai/gpt-neox']]);
    const { names, issues } = checkNonModelNames(
      'x.json',
      { names: [{ text: 'llama.cpp', sense: 'software' }, { text: 'Llama.cpp', sense: 'software' }, { text: 'gpt-neox', sense: 'software' }, { text: 'Foo', sense: 'tool' }] },
      aliases,
    );
    expect(names.map((n) => n.text)).toEqual(['llama.cpp']);
    expect(issues.map((i) => `${i.file}: ${i.id}: ${i.path}: ${i.reason}`)).toEqual([
      'x.json: Llama.cpp: names[1].text: repeats "llama.cpp"',
      'x.json: gpt-neox: names[2].text: is spelled like an alias of eleutherai/gpt-neox',
      expect.stringMatching(/^x\.json: Foo: names\[3\]\.sense: must be one of /),
    ]);
    const file = JSON.parse(readFileSync('src/knowledge/non-model-names.json', 'utf8'));
    const all = new Map<string, string>();
    for (const e of entries) for (const a of e.aliases) all.set(matchKey(typeof a === 'string' ? a : a.text), e.id);
    expect(checkNonModelNames('src/knowledge/non-model-names.json', file, all).issues).toEqual([]);
  });
});
