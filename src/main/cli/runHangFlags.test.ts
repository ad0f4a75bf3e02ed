/**
 * `run --stall-first-event / --stall-idle` in process, against the stand-in: the limits given
 * are what the runner cuts a hung stream at. Order of events, never durations: the student,
 * hung twice, is stored before a healthy teacher that streams for six seconds, which it could
 * only be with the limits given (derived, a model that has not answered yet gets 10 s a hang).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { runInProcess } from '../../../test/support/cliInProcess';
import { paragraphText, STUDENT, TEACHER } from '../../../test/support/runnerFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import { listRuns } from '../db/repos/runs';
import { openDatabase } from '../db/open';
import { databasePath } from '../paths/dataDir';
import type { CliSummary } from './cliSummary';
import { runCommand } from './runCommand';

const PRICES = ['--price', `${TEACHER}=0.00265,0.0035`, '--price', `${STUDENT}=0.0003,0.0006`];

describe('distill-roi run with hang limits', () => {
  let standIn: BedrockStandIn;
  const temp = makeTempDir('distill-cli-hang-');
  const file = join(temp.dir, 'paragraphs.jsonl');
  beforeAll(async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secretsecretsecretsecret');
    vi.stubEnv('AWS_PROFILE', '');
    standIn = await startBedrockStandIn({
      models: {
        // Healthy and slow: an event about every 100 ms for 6 s, never silent near a limit.
        [TEACHER]: { latencyMs: 6_000, ttftMs: 100, chunks: 60, output: 'teacher' },
        [STUDENT]: { latencyMs: 50, ttftMs: 10, chunks: 2 },
      },
    });
    writeFileSync(file, JSON.stringify({ text: paragraphText(0) }));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await standIn.close();
    temp.cleanup();
  });

  const run = (dir: string, ...flags: string[]) =>
    runInProcess(runCommand, [
      ...['--data-dir', dir, '--endpoint', standIn.url, '--dataset', file],
      ...['--teacher', TEACHER, '--student', STUDENT, ...PRICES, '--repeats', '1'],
      ...['--concurrency', '2', '--json', ...flags],
    ]);

  it('cuts a stream silent for the limit given and retries it', async () => {
    standIn.queueFaults(STUDENT, ['hang', 'stallStream']);
    const dir = join(temp.dir, 'set');
    const r = await run(dir, '--stall-first-event', '1', '--stall-idle', '1');
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as CliSummary;
    expect(summary).toMatchObject({ status: 'completed', done: 2, failed: 0 });

    const { db } = await openDatabase(databasePath(dir));
    const runs = listRuns(db, summary.experimentId);
    db.close();
    const student = runs.find((x) => x.modelId === STUDENT);
    const teacher = runs.find((x) => x.modelId === TEACHER);
    const log = student?.attemptLog ?? [];
    expect(log.map((a) => a.errorClass)).toEqual(['timeout', 'timeout', null]);
    for (const hung of log.slice(0, 2)) {
      expect(hung.endMs - hung.startMs).toBeGreaterThanOrEqual(1_000);
    }
    // Hung twice, the student was stored before the teacher, never cut, had finished.
    expect(teacher).toMatchObject({ status: 'ok', attempts: 1 });
    expect(student?.finishedAt.localeCompare(teacher?.finishedAt ?? '')).toBe(-1);
  });

  it.each([
    [['--stall-idle', '0.5'], /^--stall-idle must be from 1 s to 600 s, or left out .*; got "0.5"/],
    [['--stall-first-event', 'soon'], /^--stall-first-event must be a number of seconds; got/],
  ])('refuses %j before opening anything, naming the flag', async (flags, message) => {
    const dir = join(temp.dir, 'bad');
    const before = standIn.requests.length;
    const r = await run(dir, ...flags);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(standIn.requests.length).toBe(before);
  });
});
