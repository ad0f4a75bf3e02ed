import { describe, expect, it } from 'vitest';
import { DEFAULT_PAIRWISE_PROMPT, DEFAULT_SCORE_PROMPT } from './judgeDefaults';
import {
  fillTemplate,
  missingPlaceholders,
  renderPairwisePrompt,
  renderScorePrompt,
} from './judgePrompt';

describe('judge prompts', () => {
  it('the defaults carry every required placeholder', () => {
    expect(missingPlaceholders('score', DEFAULT_SCORE_PROMPT)).toEqual([]);
    expect(missingPlaceholders('pairwise', DEFAULT_PAIRWISE_PROMPT)).toEqual([]);
    expect(missingPlaceholders('pairwise', 'only {{outputA}}')).toEqual([
      '{{rubric}}',
      '{{paragraph}}',
      '{{outputB}}',
    ]);
  });

  it('fills in one pass, so a placeholder inside a value is not expanded again', () => {
    const out = fillTemplate('[{{output}}] [{{paragraph}}] {{unknown}}', {
      output: 'says {{paragraph}}',
      paragraph: 'P',
    });
    expect(out).toBe('[says {{paragraph}}] [P] {{unknown}}');
  });

  it('renders the score prompt with "(none)" for a missing reference', () => {
    const text = renderScorePrompt('{{rubric}}|{{paragraph}}|{{reference}}|{{output}}', {
      rubric: 'R',
      paragraph: 'P',
      reference: null,
      output: 'O',
    });
    expect(text).toBe('R|P|(none)|O');
  });

  it('renders the pairwise prompt', () => {
    expect(
      renderPairwisePrompt('{{outputA}} vs {{outputB}} on {{paragraph}} by {{rubric}}', {
        rubric: 'R',
        paragraph: 'P',
        outputA: 'a',
        outputB: 'b',
      }),
    ).toBe('a vs b on P by R');
  });
});
