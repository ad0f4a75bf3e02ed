import { describe, expect, it } from 'vitest';
import { prefillFromEvidence } from '../roi/prefill';
import { startingScenario } from '../roi/startingScenario';
import { fixtureEvidence, TEACHER } from '../roi/testing/evidenceFixture';
import { CATALOG_ONLY } from '../pricing/priceBook';
import { modelName } from './names';

/** The one way every screen, the report and the CLI name a model. */
describe('modelName', () => {
  it('names catalog models, through an inference profile too', () => {
    expect(modelName('anthropic.claude-3-haiku-20240307-v1:0')).toBe('Claude 3 Haiku');
    expect(modelName('us.anthropic.claude-3-haiku-20240307-v1:0')).toBe('Claude 3 Haiku');
  });

  it('names a model the catalog lacks from the shipped list, profile or not', () => {
    expect(modelName('meta.llama4-scout-17b-instruct-v1:0')).toBe('Llama 4 Scout 17B Instruct');
    expect(modelName('us.meta.llama4-scout-17b-instruct-v1:0')).toBe('Llama 4 Scout 17B Instruct');
  });

  it('keeps an id nothing names', () => {
    expect(modelName('acme.custom-student-v1:0')).toBe('acme.custom-student-v1:0');
  });

  it('names a profile student in the ROI screen’s prefill notes as the report does', () => {
    // The ROI screen named models its own way (catalog only), so this student read as its id.
    const student = 'us.meta.llama4-scout-17b-instruct-v1:0';
    const evidence = fixtureEvidence(
      { modelId: TEACHER, tokens: () => ({ input: 100, output: 200 }) },
      [{ modelId: student, tokens: () => ({ input: 100, output: 80 }) }],
      10,
    );
    const { notes } = prefillFromEvidence(startingScenario(), evidence, student, CATALOG_ONLY);
    expect(notes.join('\n')).toContain('Llama 4 Scout 17B Instruct: ');
    expect(notes.join('\n')).not.toContain(`${student}:`);
  });
});
