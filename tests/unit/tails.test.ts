/**
 * The tail grammar (src/core/tails.ts), text that is not prose, senses and the page topic
 * (docs/matching.md rules 6, 9, 10, 11). Fixture knowledge (fixture-index.ts) for the rules; the
 * bundled knowledge for the property test. The texts are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { decide, resolveContext } from '../../src/core/context';
import { createMatcher, match } from '../../src/core/matcher';
import { CODE, DATE, QUANT, SIZE, STAGE, tailClass, tailRows, VARIANT, VERSION } from '../../src/core/tails';
import { compileIndex } from '../../src/knowledge/compile';
import { loadValidated } from '../../scripts/vite-knowledge-plugin';
import { fixtureEntries, fixtureMatcher } from './fixture-index';

const found = (text: string) => match(text, fixtureMatcher).map((m) => [m.alias, m.entityId, m.unknownVersion ?? null]);
const aliases = (text: string) => match(text, fixtureMatcher).map((m) => m.alias);
const shown = (text: string, page = false, onTopic?: (id: string) => boolean) =>
  resolveContext(text, match(text, fixtureMatcher), 'page', page, {
    cues: fixtureMatcher.cues,
    onTopic: onTopic && ((m) => onTopic(m.entityId)),
  }).map((m) => m.alias);

describe('tail grammar: token classes', () => {
  const rows = tailRows();
  it('reads dates in every vendor style', () => {
    for (const t of ['0414', '2507', '20240620', '2024-08-06']) expect(tailClass(rows, t, false)).toBe(DATE);
    expect(tailClass(rows, '0905', true)).toBe(DATE);
    expect(tailClass(rows, '4096', true)).toBe(0); // not a plausible MMDD or YYMM after a space
  });
  it('reads stages, formats, sizes and versions', () => {
    for (const t of ['Base', 'Instruct', 'Chat', 'it', 'Thinking', 'Terminus', 'Inst']) expect(tailClass(rows, t, false)).toBe(STAGE);
    for (const t of ['FP8', 'BF16', 'AWQ', 'GPTQ', 'GGUF', 'Int4', '4bits', 'HF', 'Q4_K_M']) expect(tailClass(rows, t, false)).toBe(QUANT);
    for (const t of ['7B', '1.5B', 'A3B', '8x7B', '200K', '1M']) expect(tailClass(rows, t, false)).toBe(SIZE);
    expect(tailClass(rows, 'v0.1', false)).toBe(VERSION);
    for (const t of ['Z1', 'R1', '4V', '4.1V']) expect(tailClass(rows, t, false)).toBe(CODE);
  });
  it('keeps ordinary words out after a space', () => {
    expect(tailClass(rows, 'plus', true)).toBe(0);
    expect(tailClass(rows, 'chat', true)).toBe(0);
    expect(tailClass(rows, 'it', true)).toBe(0);
    expect(tailClass(rows, 'Plus', true)).toBe(VARIANT);
  });
});

describe('tail grammar: whole names', () => {
  it('takes dates, stages, formats and sizes', () => {
    expect(aliases('Try GPT-5-2025-08-07 or GPT-5 0513, or gpt-5@20250807.')).toEqual(['GPT-5-2025-08-07', 'GPT-5 0513', 'gpt-5@20250807']);
    expect(aliases('Llama-3.3-70B-Instruct-AWQ fits; Llama-3.1-405B-Base-FP8 does not.')).toEqual([
      'Llama-3.3-70B-Instruct-AWQ',
      'Llama-3.1-405B-Base-FP8',
    ]);
    expect(aliases('Mixtral-8x7B-v0.1 and Gemma 4 31B-it-GGUF')).toEqual(['Mixtral-8x7B-v0.1', 'Gemma 4 31B-it-GGUF']);
    expect(aliases('We ran Qwen3 235B-A22B-Thinking-2507 with a 200K window.')).toEqual(['Qwen3 235B-A22B-Thinking-2507']);
  });
  it('reads effort levels and unknown words inside a lower-case id that goes on', () => {
    expect(aliases('o3-high, gpt-5-search-preview, Llama 3.1 405B Vision')).toEqual(['o3-high', 'gpt-5-search-preview', 'Llama 3.1 405B Vision']);
    expect(aliases('gpt-5-transcribe')).toEqual([]); // half a name is not highlighted
  });
  it('reads a compound name that starts with another model as one mention', () => {
    expect(aliases('GPT-5-Distill-Llama-8B beats Phi-4-Distill-Mixtral-8x7B.')).toEqual(['GPT-5-Distill-Llama-8B', 'Phi-4-Distill-Mixtral-8x7B']);
  });
  it('names the longest known prefix: the model for snapshots and formats, the family for variants', () => {
    expect(found('GPT-5.4-mini-FP8')).toEqual([['GPT-5.4-mini-FP8', 'openai/gpt-5.4-mini', 'GPT-5.4-mini-FP8']]);
    expect(found('GPT-5.4-mini-0414')).toEqual([['GPT-5.4-mini-0414', 'openai/gpt-5.4-mini', null]]); // a snapshot of the model
    expect(found('Phi-4-mini')).toEqual([['Phi-4-mini', 'microsoft/phi', 'Phi-4-mini']]);
  });
  it('does not swallow ordinary words', () => {
    expect(aliases('GPT-5 plus a retriever; GPT-5 chat model; GPT-5 0512 tokens')).toEqual(['GPT-5', 'GPT-5', 'GPT-5']);
    // a known alias ending in a word the grammar reads only joined, written in lower case after a space
    expect(aliases('Yi-34B chat model; Yi-34B-Chat; Yi-34B Chat')).toEqual(['Yi-34B', 'Yi-34B-Chat', 'Yi-34B Chat']);
    expect(aliases('Grok 4-bit quantized models')).toEqual(['Grok']);
    expect(aliases('Llama 3.1 405B - 200K')).toEqual(['Llama 3.1 405B']);
  });
  it('an underscore joins a parameter count', () => {
    expect(aliases('GPT-5_120B+Mixtral_8x7B')).toEqual(['GPT-5_120B', 'Mixtral_8x7B']);
    expect(aliases('claude_tools')).toEqual([]);
  });
  it('a proper word in lower case is a name only as an id with a tail', () => {
    expect(aliases('the llama-8B-chat checkpoint; a llama ate; llama-cpp')).toEqual(['llama-8B-chat']);
  });
});

describe('text that is not prose', () => {
  it('skips URLs, e-mail addresses and domains', () => {
    expect(aliases('see https://example.com/models/gpt-5-pro for GPT-5')).toEqual(['GPT-5']);
    expect(aliases('write to gpt-5@example.com or visit chat.gpt-5.com')).toEqual([]);
  });
  it('skips identifiers, files, libraries and another name glued to a name', () => {
    expect(aliases('pip install mixtral-utils; Llama.cpp; gpt-5.4-mini.Q4_K.gguf; GPT-Q; GPT-5-*-0414')).toEqual([]);
    expect(aliases('the Claude-powered tool')).toEqual(['Claude']);
  });
  it('in an organisation/model path the model is the mention, the organisation is not', () => {
    expect(aliases('Mixtral/Mixtral-8x7B-Instruct and meta-llama/Llama-3.1-405B')).toEqual(['Mixtral-8x7B-Instruct', 'Llama-3.1-405B']);
  });
  it('reads names glued to CJK characters', () => {
    expect(aliases('零一万物GPT-5系列模型')).toEqual(['GPT-5']);
  });
});

describe('senses: local evidence decides', () => {
  it('the nearest cue wins over page context', () => {
    expect(shown('The zoo keeper fed the Capybara near the pond.', true)).toEqual([]);
    expect(shown('Anthropic trained the Capybara model on the Capybara data set.', true)).toEqual(['Capybara']);
  });
  it('a word with other senses needs evidence in its own block', () => {
    expect(shown('We played Opus 34 last night.', true)).toEqual([]);
    expect(shown('We tested Opus 34 on the benchmark.', false)).toEqual(['Opus 34']);
  });
  it('a name that modifies a licence or a data set is that thing', () => {
    expect(shown('Licensed under the Llama 3.1 405B license.')).toEqual([]);
    expect(shown('Trained on the Capybara dataset, a model for chat.')).toEqual([]);
    expect(shown('Copyright 2008 Fennec, Inc. and the API authors.')).toEqual([]);
  });
  it('the page topic lets its own bare family word stand', () => {
    expect(shown('How to deploy Gemma locally', false, (id) => id === 'google/gemma')).toEqual(['Gemma']);
    expect(shown('How to deploy Gemma locally', false)).toEqual([]);
  });
  it('an AI acronym after the word is no other proper name; an emoji starts a sentence', () => {
    expect(shown('Kimi API pricing is out.')).toEqual(['Kimi']);
    expect(shown('🎯 Deploy Gemma locally with the model weights.')).toEqual(['Gemma']);
    expect(shown('Kimi Räikkönen won; no model involved.')).toEqual([]);
  });
  it('AI words in other languages are evidence', () => {
    for (const t of ['Grok ist ein neues Sprachmodell.', 'Grok est un modèle de langage.', 'Grok es un modelo de lenguaje.', 'Grok 是一个大模型。'])
      expect(shown(t)).toEqual(['Grok']);
  });
});

describe('property: every alias followed by each tail of the grammar is matched whole', () => {
  const entries = loadValidated();
  const m = createMatcher(compileIndex(entries));
  const joined = ['0414', '20240620', '2024-08-06', 'Base', 'Instruct', 'Chat', 'it', 'Thinking', 'Terminus', 'FP8', 'BF16', 'AWQ', 'GPTQ', 'GGUF', 'Int4', '4bits', 'HF', '7B', 'A3B', '200K', '1M', 'v0.1', 'Distill-Qwen-32B'];
  const spaced = ['0905', '7B'];
  it.each(['-', ' '])('separator %j', (sep) => {
    const bad: string[] = [];
    let n = 0;
    for (const e of entries)
      for (const a of e.aliases) {
        const text = typeof a === 'string' ? a : a.text;
        if (/[()]/.test(text)) continue; // "Grok 4.20 (Reasoning)": a display name, not written with tails
        const tails = sep === '-' ? joined : /\d/.test(text) ? spaced : [];
        for (const t of tails) {
          const s = `${text}${sep}${t}`;
          const got = match(`Run ${s} now.`, m).map((x) => x.alias);
          n++;
          if (got.length !== 1 || got[0] !== s) bad.push(`${s} → ${JSON.stringify(got)}`);
        }
      }
    expect(n).toBeGreaterThan(500);
    expect(bad).toEqual([]);
    // Tens of thousands of matches: more than the default 5 s on a loaded machine.
  }, 60_000);
});

describe('fixture knowledge stays independent', () => {
  it('has the aliases these tests use', () => {
    expect(fixtureEntries.some((e) => e.id === 'anthropic/capybara')).toBe(true);
    expect(decide('x', [], 'page').kept).toEqual([]);
  });
});

describe('a version label after a bare name and a space', () => {
  it('is part of the name ("LongChat v1.5", "Vicuna v1.5")', async () => {
    const { compileIndex } = await import('../../src/knowledge/compile');
    const { readKnowledgeDir } = await import('../../src/knowledge/load');
    const { createMatcher, match } = await import('../../src/core/matcher');
    const m = createMatcher(compileIndex(readKnowledgeDir('src/knowledge/entries').entries));
    expect(match('We released LongChat v1.5 based on Llama 2.', m).map((x) => x.alias)).toEqual(['LongChat v1.5', 'Llama 2']);
    expect(match('Claude Pro and Claude v2 differ.', m).map((x) => x.alias)).toEqual(['Claude', 'Claude v2']);
  });
});

describe('an ambiguous all-capitals name in lower case', () => {
  it('is a word ("opt out", "bloom lighting"); ids with a number stay names', async () => {
    const { compileIndex } = await import('../../src/knowledge/compile');
    const { readKnowledgeDir } = await import('../../src/knowledge/load');
    const { createMatcher, match } = await import('../../src/core/matcher');
    const m = createMatcher(compileIndex(readKnowledgeDir('src/knowledge/entries').entries));
    expect(match('those of us who opt out; levels of bloom lighting', m)).toEqual([]);
    expect(match('OPT-175B and BLOOM 176B, opt-125m and bloom-560m', m).map((x) => x.alias)).toEqual(['OPT-175B', 'BLOOM 176B', 'opt-125m', 'bloom-560m']);
  });
});
