import { describe, expect, it } from 'vitest';
import { toConverseInput } from '../bedrock/callSupport';
import type { Experiment } from '../../shared/domain/experiment';
import { recordBytes, recordLine } from './records';

const experiment = (systemPrompt: string | null): Experiment => ({
  id: 'e1',
  status: 'draft',
  statusReason: null,
  createdAt: 't',
  updatedAt: 't',
  config: {
    name: 'x',
    datasetId: 'd',
    teacherModelId: 'm.teacher',
    studentModelIds: ['m.student'],
    region: 'us-east-1',
    promptTemplate: 'Summarize "quoted" \\ text:\n{{paragraph}}',
    systemPrompt,
    inference: { maxTokens: 64, temperature: 0.2, topP: 0.9 },
    repeats: 2,
    concurrency: 1,
    budgetUsd: null,
    prices: [],
  },
});
const paragraphs = [
  { id: 'p-1', text: 'Ünïcode «text» with\ttabs and "quotes"', position: 0 },
  { id: 'p-2', text: 'Second', position: 1 },
] as unknown as Parameters<typeof recordLine>[0]['paragraphs'];

describe('recordLine', () => {
  it.each([null, 'Be brief.'])(
    'is exactly the JSON of the runner request body (system %s)',
    (system) => {
      const src = { experiment: experiment(system), paragraphs };
      for (let i = 0; i < 4; i++) {
        const p = paragraphs[i % 2] as { id: string; text: string };
        const { modelId: _m, ...modelInput } = toConverseInput({
          modelId: 'm.student',
          userText: `Summarize "quoted" \\ text:\n${p.text}`,
          ...(system !== null ? { system } : {}),
          maxTokens: 64,
          temperature: 0.2,
          topP: 0.9,
        });
        const expected = `${JSON.stringify({ recordId: `1-${Math.floor(i / 2)}-${p.id}`, modelInput })}\n`;
        expect(recordLine(src, 'm.student', i)).toBe(expected);
      }
    },
  );
});

describe('recordBytes', () => {
  it('is the byte length of each line, multi-byte text included, without building the lines', () => {
    for (const system of [null, 'Be brief.']) {
      const src = { experiment: experiment(system), paragraphs };
      const expected = [0, 1, 2, 3].map((i) => Buffer.byteLength(recordLine(src, 'm.teacher', i)));
      expect(recordBytes(src, 'm.teacher')).toEqual(expected);
      // The first paragraph has multi-byte characters: bytes, not UTF-16 units, are counted.
      expect(expected[0]).toBeGreaterThan(recordLine(src, 'm.teacher', 0).length);
    }
  });
});
