/** A small knowledge set for matcher tests, independent of the bundled entries. */
import { compileIndex } from '../../src/knowledge/compile';
import type { Entry } from '../../src/knowledge/schema';
import { createMatcher } from '../../src/core/matcher';

const src = { url: 'https://example.com/a', title: 'Example', date: '2026-01-01' };
const life = { value: 'ga' as const, source: src, status: 'confirmed' as const, asOf: '2026-07-01' };

function e(id: string, name: string, aliases: Entry['aliases'], extra: Partial<Entry> = {}): Entry {
  return { id, name, vendor: id.split('/')[0], kind: 'model', summary: name, aliases, lifecycle: life, ...extra };
}

export const fixtureEntries: Entry[] = [
  e('anthropic/claude', 'Claude', [{ text: 'Claude', context: true }], { kind: 'family' }),
  e('anthropic/claude-opus', 'Claude Opus', [{ text: 'Opus', context: true }], {
    kind: 'family',
    versionForms: ['Claude Opus {v}', 'Opus {v}', 'claude-opus-{v}'],
  }),
  e('anthropic/claude-opus-4-6', 'Claude Opus 4.6', ['Claude Opus 4.6', 'Opus 4.6', 'claude-opus-4-6', 'claude-opus-4.6']),
  e('anthropic/claude-code', 'Claude Code', ['Claude Code'], { kind: 'product' }),
  e('anthropic/mythos', 'Mythos', [{ text: 'Mythos', context: true }, 'Claude Mythos', 'Claude Mythos Preview', 'Mythos Preview'], { kind: 'codename' }),
  e('anthropic/capybara', 'Capybara', [{ text: 'Capybara', context: true }], { kind: 'codename' }),
  e('openai/gpt', 'GPT', ['GPT'], { kind: 'family', versionForms: ['GPT-{v}', 'GPT {v}'] }),
  e('openai/gpt-5', 'GPT-5', ['GPT-5', 'gpt-5']),
  e('openai/gpt-5.4', 'GPT-5.4', ['GPT-5.4', 'GPT 5.4']),
  e('openai/gpt-5.4-mini', 'GPT-5.4 mini', ['GPT-5.4 mini', 'gpt-5.4-mini']),
  e('openai/o3', 'o3', [{ text: 'o3', case: 'exact' }]),
  e('google/gemini-2.5-pro', 'Gemini 2.5 Pro', ['Gemini 2.5 Pro', 'gemini-2.5-pro']),
  e('google/gemini', 'Gemini', [{ text: 'Gemini', context: true }], { kind: 'family', versionForms: ['Gemini {v}'] }),
  e('meta/llama-3.1-405b', 'Llama 3.1 405B', ['Llama 3.1 405B', 'Llama-3.1-405B', 'Meta-Llama-3.1-405B-Instruct']),
  e('meta/llama', 'Llama', [{ text: 'Llama', context: true }], { kind: 'family', versionForms: ['Llama {v}'] }),
];

export const fixtureIndex = compileIndex(fixtureEntries);
export const fixtureMatcher = createMatcher(fixtureIndex);
