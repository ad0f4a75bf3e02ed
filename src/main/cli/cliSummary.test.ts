import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelName } from '../../shared/report/names';
import { formatSummary, type CliSummary } from './cliSummary';
import { resumeCommand } from './resumeHint';

const TEACHER = 'meta.llama3-70b-instruct-v1:0';
const STUDENT = 'meta.llama3-8b-instruct-v1:0';

const latency = { count: 40, mean: 12_345.6, p50: 11_000, p95: 23_456, min: 900, max: 30_000 };
const model = (modelId: string, role: 'teacher' | 'student') => ({
  modelId,
  role,
  calls: 12_000,
  errors: 3,
  errorRate: 0.00025,
  e2e: latency,
  server: latency,
  ttft: latency,
  meanInputTokens: 1_234.5,
  meanOutputTokens: 321.5,
  meanOutputTokensPerSecond: 50,
  costPerRequest: 0.0123,
  costPer1kRequests: 12.3,
  throttles: 10,
  retries: 12,
  lostMs: 34_567,
});

const summary = {
  experimentId: 'exp-1',
  name: 'Quarterly summaries',
  status: 'completed',
  statusReason: null,
  done: 24_000,
  total: 24_000,
  failed: 6,
  spentUsd: 123.45,
  models: [model(TEACHER, 'teacher'), model(STUDENT, 'student')],
  ratios: [
    {
      studentModelId: STUDENT,
      costPerRequest: 8.8,
      e2eMean: 2.1,
      e2eP50: 2,
      e2eP95: 2.5,
      ttftP50: 1.9,
      serverP50: 2,
    },
  ],
} as unknown as CliSummary;

describe('formatSummary', () => {
  it('says a run that ended with calls never made is incomplete, as the run panel does', () => {
    expect(formatSummary(summary, 80)).toContain('"Quarterly summaries": completed');
    const partial = { ...summary, done: 6_000 } as CliSummary;
    const text = formatSummary(partial, 80);
    expect(text).toContain('"Quarterly summaries": incomplete');
    expect(text).toContain('6,000 of 24,000 calls');
  });

  it('fits 80 columns, names models as the screens do, and spells out units', () => {
    const text = formatSummary(summary, 80);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(text).toContain(`${modelName(TEACHER)} (teacher, ${TEACHER})`);
    expect(modelName(TEACHER)).not.toBe(TEACHER);
    expect(text).toContain(`teacher ÷ ${modelName(STUDENT)}`);
    expect(text).toContain('cost per 1,000 requests (USD)');
    expect(text).toContain('latency (ms) mean / p50 / p95');
    expect(text).not.toContain('$/1k');
  });

  it('a model with batch calls only shows no retry or latency figure as zero', () => {
    const batch = {
      ...model(STUDENT, 'student'),
      throttles: 0,
      retries: 0,
      lostMs: 0,
      latencySource: 'batch-only',
      batchCalls: 12_000,
    };
    const text = formatSummary({ ...summary, models: [batch] } as unknown as CliSummary, 80);
    const line = (label: string) => text.split('\n').find((l) => l.trim().startsWith(label));
    expect(line('throttled / retried')).toMatch(/ —$/);
    expect(line('time lost to retries (ms)')).toMatch(/ batch: no latency$/);
    expect(line('latency (ms)')).toMatch(/ batch: no latency$/);
    // One call on demand: its figures are shown, zeros included.
    const mixed = formatSummary(
      { ...summary, models: [{ ...batch, batchCalls: 11_999 }] } as unknown as CliSummary,
      80,
    );
    expect(mixed.split('\n').find((l) => l.trim().startsWith('time lost'))).toMatch(/ 0$/);
  });

  it('wraps the teacher ÷ student line between figures, never between a label and its figure', () => {
    // Figures of a real run: at 80 columns the line used to break between "p95" and "3.42×".
    const ratios = [
      {
        studentModelId: STUDENT,
        costPerRequest: 9.77,
        e2eMean: 3.38,
        e2eP50: 3.34,
        e2eP95: 3.42,
        ttftP50: 3.43,
        serverP50: 3,
      },
    ];
    const lines = formatSummary({ ...summary, ratios } as CliSummary, 80).split('\n');
    const first = lines.findIndex((l) => l.startsWith('teacher ÷'));
    const ratioLines = lines.slice(first, first + 2);
    expect(ratioLines).toEqual([
      `teacher ÷ ${modelName(STUDENT)}: cost 9.77×, latency mean 3.38× · p50 3.34×`,
      '  · p95 3.42×, time to first token p50 3.43×',
    ]);
    expect(lines[first + 2] ?? '').not.toMatch(/^ {2}\S/);
  });

  it('never lays out narrower than 80 columns, and uses one table when the terminal is wide', () => {
    const narrow = formatSummary(summary, 40);
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const wide = formatSummary(summary, 400).split('\n');
    const header = wide.find((l) => l.startsWith('model'));
    expect(header).toContain('cost per request (USD)');
    expect(wide.some((l) => l.startsWith(modelName(STUDENT)) && l.includes('student'))).toBe(true);
    for (const line of wide) expect(line.length).toBeLessThanOrEqual(400);
  });

  it('says how many calls went through the tagged inference profiles, and nothing when none did', () => {
    const through = formatSummary(
      { ...summary, profileCalls: { stored: 24_000, throughProfile: 18_000 } },
      80,
    );
    // Wrapped to 80 columns: read as one paragraph.
    expect(through.replace(/\n\s*/g, ' ')).toContain(
      "18,000 of 24,000 stored calls went through the experiment's tagged inference profiles",
    );
    for (const line of through.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(formatSummary(summary, 80)).not.toContain('inference profiles');
  });
});

describe('resumeCommand', () => {
  it('names the data folder by its absolute path', () => {
    expect(resumeCommand('exp-1', 'rel/data', '/opt/x/cli.cjs')).toBe(
      `node /opt/x/cli.cjs run --resume exp-1 --data-dir ${resolve('rel/data')}`,
    );
  });

  it('runs the repository script through npm --prefix when started from the build', () => {
    const repo = '/home/ana/distill roi';
    expect(resumeCommand('exp-1', '/data', join(repo, 'out', 'node', 'cli.cjs'))).toBe(
      `npm --prefix '${repo}' run cli -- run --resume exp-1 --data-dir /data`,
    );
  });
});
