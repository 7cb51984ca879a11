/** A small knowledge set for matcher tests, independent of the bundled entries. */
import { compileIndex } from '../../src/knowledge/compile';
import type { Entry } from '../../src/knowledge/schema';
import { createMatcher } from '../../src/core/matcher';

const src = { url: 'https://example.com/a', title: 'Example', retrieved: '2026-01-01' };
const life = { value: 'ga' as const, source: src, status: 'confirmed' as const, asOf: '2026-07-01' };

function e(id: string, name: string, aliases: Entry['aliases'], extra: Partial<Entry> = {}): Entry {
  return { id, name, vendor: id.split('/')[0], kind: 'model', summary: name, aliases, lifecycle: life, reviewed: '2026-07-01', ...extra };
}

export const fixtureEntries: Entry[] = [
  e('anthropic/claude', 'Claude', [{ text: 'Claude', context: true }], { kind: 'family', versionForms: ['Claude {v}'] }),
  e('anthropic/claude-opus', 'Claude Opus', [{ text: 'Opus', context: true, senses: ['music'] }, 'Claude Opus'], {
    kind: 'family',
    versionForms: ['Claude Opus {v}', 'Opus {v}', 'claude-opus-{v}'],
  }),
  e('anthropic/claude-opus-4-6', 'Claude Opus 4.6', ['Claude Opus 4.6', 'Opus 4.6', 'claude-opus-4-6', 'claude-opus-4.6'], {
    family: 'anthropic/claude-opus',
  }),
  e('anthropic/claude-code', 'Claude Code', ['Claude Code'], { kind: 'product' }),
  e('anthropic/mythos', 'Mythos', [{ text: 'Mythos', context: true }, 'Claude Mythos', 'Claude Mythos Preview', 'Mythos Preview'], { kind: 'codename' }),
  e('anthropic/capybara', 'Capybara', [{ text: 'Capybara', context: true, senses: ['animals', 'data'] }], { kind: 'codename' }),
  e('anthropic/fennec', 'Fennec', [{ text: 'Fennec', context: true }], { kind: 'codename' }),
  e('openai/gpt', 'GPT', ['GPT'], { kind: 'family', versionForms: ['GPT-{v}', 'GPT {v}'] }),
  e('openai/gpt-5', 'GPT-5', ['GPT-5', 'gpt-5'], { family: 'openai/gpt' }),
  e('openai/gpt-5.4', 'GPT-5.4', ['GPT-5.4', 'GPT 5.4'], { family: 'openai/gpt' }),
  e('openai/gpt-5.4-mini', 'GPT-5.4 mini', ['GPT-5.4 mini', 'gpt-5.4-mini'], { family: 'openai/gpt' }),
  e('openai/gpt-oss', 'gpt-oss', ['gpt-oss'], { kind: 'family' }),
  e('openai/o3', 'o3', [{ text: 'o3', case: 'exact' }]),
  e('google/gemini-2.5-pro', 'Gemini 2.5 Pro', ['Gemini 2.5 Pro', 'gemini-2.5-pro'], { family: 'google/gemini' }),
  e('google/gemini-2.5-flash', 'Gemini 2.5 Flash', ['Gemini 2.5 Flash', 'gemini-2.5-flash'], { family: 'google/gemini' }),
  e('google/gemini', 'Gemini', [{ text: 'Gemini', context: true }], { kind: 'family', versionForms: ['Gemini {v}', 'gemini-{v}'] }),
  e('google/gemma', 'Gemma', [{ text: 'Gemma', context: true }], { kind: 'family', versionForms: ['Gemma {v}', 'gemma-{v}'] }),
  e('google/gemma-4-31b-it', 'Gemma 4 31B IT', ['Gemma 4 31B IT', 'gemma-4-31b-it'], { family: 'google/gemma' }),
  e('google/bard', 'Bard', [{ text: 'Bard', context: true }], { kind: 'product' }),
  e('meta/llama-3.1-405b', 'Llama 3.1 405B', ['Llama 3.1 405B', 'Llama-3.1-405B', 'Meta-Llama-3.1-405B-Instruct'], { family: 'meta/llama' }),
  e('meta/llama-3.3-70b-instruct', 'Llama 3.3 70B Instruct', ['Llama-3.3-70B-Instruct'], { family: 'meta/llama' }),
  e('meta/llama', 'Llama', [{ text: 'Llama', context: true }], { kind: 'family', versionForms: ['Llama {v}'] }),
  e('microsoft/phi', 'Phi', [{ text: 'Phi', context: true }], { kind: 'family', versionForms: ['Phi-{v}'] }),
  e('microsoft/phi-4', 'Phi-4', ['Phi-4'], { family: 'microsoft/phi' }),
  e('alibaba/qwen3-235b-a22b', 'Qwen3 235B-A22B', ['Qwen3 235B-A22B', 'qwen3-235b-a22b']),
  e('mistral/mistral', 'Mistral', [{ text: 'Mistral', context: true }], { kind: 'family' }),
  e('mistral/mixtral', 'Mixtral', ['Mixtral'], { kind: 'family' }),
  e('mistral/mixtral-8x7b', 'Mixtral 8x7B', ['Mixtral 8x7B', 'open-mixtral-8x7b'], { family: 'mistral/mixtral' }),
  e('sarvam/sarvam-105b', 'Sarvam 105B', ['Sarvam 105B']),
  e('xai/grok', 'Grok', [{ text: 'Grok', context: true }], { kind: 'family', versionForms: ['Grok {v}'] }),
  e('xiaomi/mimo', 'MiMo', ['MiMo'], { kind: 'family' }),
  e('amazon/nova', 'Amazon Nova', ['Amazon Nova', { text: 'Nova', context: true }], { kind: 'family' }),
  e('amazon/nova-pro', 'Amazon Nova Pro', ['Amazon Nova Pro', 'Nova Pro'], { family: 'amazon/nova' }),
  e('01-ai/yi-34b', 'Yi-34B', ['Yi-34B', 'Yi-34B-Chat']),
  e('moonshot/kimi', 'Kimi', [{ text: 'Kimi', context: true }], { kind: 'family' }),
];

export const fixtureIndex = compileIndex(fixtureEntries);
export const fixtureMatcher = createMatcher(fixtureIndex);
