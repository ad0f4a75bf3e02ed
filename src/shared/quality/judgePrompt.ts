/** Fills the judge's prompt templates. Placeholders are `{{name}}`, replaced in one pass. */

export type JudgePromptKind = 'score' | 'pairwise';

export const REQUIRED_PLACEHOLDERS: Record<JudgePromptKind, readonly string[]> = {
  score: ['{{rubric}}', '{{paragraph}}', '{{output}}'],
  pairwise: ['{{rubric}}', '{{paragraph}}', '{{outputA}}', '{{outputB}}'],
};

export function missingPlaceholders(kind: JudgePromptKind, template: string): string[] {
  return REQUIRED_PLACEHOLDERS[kind].filter((p) => !template.includes(p));
}

/**
 * One pass over the template, so text inside a paragraph or an output that happens to contain
 * `{{output}}` is never substituted a second time (a model output could otherwise inject into the
 * judge's prompt). Unknown placeholders are left as typed.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? (values[name] as string) : whole,
  );
}

export interface ScorePromptInput {
  rubric: string;
  paragraph: string;
  reference: string | null;
  output: string;
}

export function renderScorePrompt(template: string, v: ScorePromptInput): string {
  return fillTemplate(template, {
    rubric: v.rubric,
    paragraph: v.paragraph,
    reference: v.reference ?? '(none)',
    output: v.output,
  });
}

export interface PairwisePromptInput {
  rubric: string;
  paragraph: string;
  outputA: string;
  outputB: string;
}

export function renderPairwisePrompt(template: string, v: PairwisePromptInput): string {
  return fillTemplate(template, { ...v });
}
