/** Source classes from the registry (src/knowledge/vendors.json). */
import { describe, expect, it } from 'vitest';
import { classify, isVendorSource, REGISTRY } from '../../src/knowledge/sources';

describe('source classes', () => {
  it('vendor domains and their subdomains; org paths on GitHub and Hugging Face', () => {
    expect(classify('https://platform.claude.com/docs/en/about-claude/model-deprecations')).toMatchObject({ class: 'vendor', vendor: 'anthropic' });
    expect(classify('https://www.anthropic.com/news/claude-opus-4-7')).toMatchObject({ class: 'vendor', vendor: 'anthropic' });
    expect(classify('https://huggingface.co/Qwen/Qwen3-235B-A22B')).toMatchObject({ class: 'vendor', vendor: 'alibaba' });
    expect(classify('https://huggingface.co/collections/Qwen/qwen3-coder')).toMatchObject({ class: 'vendor', vendor: 'alibaba' });
    expect(classify('https://github.com/orgs/openai/repositories')).toMatchObject({ class: 'vendor', vendor: 'openai' });
    expect(classify('https://github.com/openai-fan/gpt-notes')).toMatchObject({ class: 'community' });
    expect(classify('https://huggingface.co/TheBloke/Llama-2-7B-GGUF')).toMatchObject({ class: 'community' });
    // A path prefix is for that host only: another host's /openai path is not OpenAI's GitHub.
    expect(classify('https://gist.github.com/openai/abc')).toMatchObject({ class: 'community' });
    expect(classify('https://raw.githubusercontent.com/openai/openai-python/main/CHANGELOG.md')).toMatchObject({ class: 'vendor', vendor: 'openai' });
    expect(classify('https://raw.githubusercontent.com/someone/rss-feeds/main/feed.xml')).toMatchObject({ class: 'community' });
  });

  it('references, community hosts and outlets', () => {
    expect(classify('https://models.dev/')).toMatchObject({ class: 'reference' });
    expect(classify('https://arxiv.org/abs/2412.19437')).toMatchObject({ class: 'reference' });
    expect(classify('https://aiwiki.ai/wiki/Claude_Code')).toMatchObject({ class: 'community', why: 'wiki' });
    expect(classify('https://en.wikipedia.org/wiki/Claude_(language_model)')).toMatchObject({ class: 'community', why: 'wiki' });
    expect(classify('https://someone.blogspot.com/2024/06/x.html')).toMatchObject({ class: 'community' });
    expect(classify('https://www.theverge.com/2026/4/16/claude')).toMatchObject({ class: 'outlet', host: 'theverge.com' });
    // A lookalike host is not the vendor.
    expect(classify('https://openai.com.example.net/news')).toMatchObject({ class: 'outlet' });
    expect(classify('https://notopenai.com/news')).toMatchObject({ class: 'outlet' });
  });

  it('"confirmed" needs the entity vendor\'s own domain, not another vendor\'s', () => {
    expect(isVendorSource('https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude', 'anthropic')).toBe(false);
    expect(isVendorSource('https://docs.anthropic.com/en/docs/about-claude/models', 'anthropic')).toBe(true);
  });

  it('every registered vendor has a name and at least one domain', () => {
    for (const [key, v] of Object.entries(REGISTRY.vendors)) {
      expect(v.name, key).toBeTruthy();
      expect(v.domains.length, key).toBeGreaterThan(0);
    }
  });
});
