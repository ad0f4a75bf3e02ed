import { describe, expect, it } from 'vitest';
import { countPromptTokens, isLlama3Family } from './promptTokens';

describe('prompt token counts', () => {
  it('uses the Llama 3 tokenizer for Llama 3 models, including profiles', () => {
    expect(isLlama3Family('meta.llama3-8b-instruct-v1:0')).toBe(true);
    expect(isLlama3Family('us.meta.llama3-1-70b-instruct-v1:0')).toBe(true);
    expect(isLlama3Family('amazon.nova-lite-v1:0')).toBe(false);
  });

  it('counts "Hello world!" as 3 Llama 3 tokens plus the chat template', () => {
    const r = countPromptTokens('meta.llama3-8b-instruct-v1:0', ['Hello world!'], null);
    expect(r).toEqual({
      modelId: 'meta.llama3-8b-instruct-v1:0',
      tokenizer: 'llama3',
      promptTokens: [13],
    });
  });

  it('adds the system prompt to every prompt', () => {
    const without =
      countPromptTokens('meta.llama3-8b-instruct-v1:0', ['a b c'], null).promptTokens[0] ?? 0;
    const withSystem =
      countPromptTokens('meta.llama3-8b-instruct-v1:0', ['a b c'], 'Be brief.').promptTokens[0] ??
      0;
    expect(withSystem - without).toBe(3 + 5); // "Be", " brief", "." and the system header
  });

  it('falls back to the documented approximation for other families', () => {
    const r = countPromptTokens('amazon.nova-lite-v1:0', ['one two three four'], null);
    expect(r.tokenizer).toBe('approximate');
    expect(r.promptTokens[0]).toBeGreaterThan(0);
  });
});
