/**
 * The CLI end to end, as a child process against the stand-in: what it prints, what it stores,
 * and its exit codes (0 all good, 1 failures or not completed, 2 bad usage).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { buildCli, removeCliBuild, startCli } from '../../../test/support/cliProcess';
import { paragraphText, STUDENT, TEACHER } from '../../../test/support/runnerFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import { listDatasets } from '../db/repos/datasets';
import { listRuns } from '../db/repos/runs';
import { openDatabase } from '../db/open';
import { databasePath } from '../paths/dataDir';
import type { CliSummary } from './cliSummary';

const QUICK = { latencyMs: 30, ttftMs: 8 };
const PRICES = ['--price', `${TEACHER}=0.00265,0.0035`, '--price', `${STUDENT}=0.0003,0.0006`];

describe('distill-roi run', () => {
  let standIn: BedrockStandIn;
  const temp = makeTempDir('distill-cli-');
  const file = join(temp.dir, 'paragraphs.jsonl');

  beforeAll(async () => {
    standIn = await startBedrockStandIn({
      models: { [TEACHER]: { ...QUICK, output: 'teacher' }, [STUDENT]: QUICK },
    });
    writeFileSync(
      file,
      [0, 1, 2, 3].map((i) => JSON.stringify({ text: paragraphText(i) })).join('\n'),
    );
    await buildCli();
  });
  afterAll(async () => {
    await standIn.close();
    temp.cleanup();
    removeCliBuild();
  });

  const cli = async (dataDir: string, ...args: string[]) =>
    (await startCli(['run', '--data-dir', dataDir, '--endpoint', standIn.url, ...args])).exited;
  const newRun = ['--dataset', file, '--teacher', TEACHER, '--student', STUDENT, ...PRICES];

  it('runs an experiment and prints the summary as JSON', async () => {
    const dir = join(temp.dir, 'json');
    const r = await cli(dir, ...newRun, '--repeats', '2', '--json');
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as CliSummary;
    expect(r.stderr).toContain(`experiment ${summary.experimentId}`);
    // The hint works from any folder: the bundle and the data folder by absolute paths.
    expect(r.stderr).toContain(
      `resume with: node ${await buildCli()} run --resume ${summary.experimentId} --data-dir ${dir}`,
    );
    expect(summary).toMatchObject({ status: 'completed', done: 16, total: 16, failed: 0 });
    expect(summary.models.map((m) => [m.modelId, m.role, m.calls, m.errors])).toEqual([
      [TEACHER, 'teacher', 8, 0],
      [STUDENT, 'student', 8, 0],
    ]);

    const { db } = await openDatabase(databasePath(dir));
    const runs = listRuns(db, summary.experimentId);
    db.close();
    const teacherCosts = runs.filter((x) => x.modelId === TEACHER).map((x) => x.costUsd ?? 0);
    const mean = teacherCosts.reduce((s, c) => s + c, 0) / teacherCosts.length;
    expect(summary.models[0]?.costPerRequest).toBeCloseTo(mean, 15);
    expect(summary.models[0]?.server.p50).toBe(30);
    expect(summary.ratios).toHaveLength(1);
    expect(summary.ratios[0]?.costPerRequest).toBeCloseTo(
      (summary.models[0]?.costPerRequest ?? 0) / (summary.models[1]?.costPerRequest ?? 1),
      12,
    );
  });

  it('prints a table with latency, TTFT, tokens, costs and the teacher-to-student ratios', async () => {
    const r = await cli(join(temp.dir, 'table'), ...newRun, '--repeats', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/completed/);
    // Not a terminal: laid out for 80 columns, one block per model, units spelled out.
    expect(r.stdout.split('\n').every((l) => l.length <= 80)).toBe(true);
    expect(r.stdout).toContain(`${TEACHER} (teacher, ${TEACHER})`);
    expect(r.stdout).toMatch(/latency \(ms\) mean \/ p50 \/ p95 +[\d,.]+ \/ /);
    expect(r.stdout).toMatch(/time to first token \(ms\) mean \/ p50 \/ p95 +[\d,.]+ \/ /);
    expect(r.stdout).toMatch(/cost per 1,000 requests \(USD\) +\$[\d,.]+/);
    expect(r.stdout).toMatch(/teacher ÷ test\.student-v1:0: cost \d+(\.\d+)?×/);
    // Progress went to stderr as plain lines (not a terminal), ending with the final status.
    expect(r.stderr).toMatch(/\[#+\] 8\/8 .*completed/);
  });

  it('reuses the dataset of a file run again with the same paragraphs, unless --new-dataset', async () => {
    const dir = join(temp.dir, 'again');
    expect((await cli(dir, ...newRun, '--repeats', '1')).code).toBe(0);
    const again = await cli(dir, ...newRun, '--repeats', '1');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/holds the same paragraphs as dataset \S+; using it/);
    const copy = await cli(dir, ...newRun, '--repeats', '1', '--new-dataset');
    expect(copy.stderr).toMatch(/imported 4 paragraphs/);
    const { db } = await openDatabase(databasePath(dir));
    expect(listDatasets(db)).toHaveLength(2);
    db.close();
  });

  it('exits 1 when a model cannot be called, and a resume with --retry-failed fixes it', async () => {
    const dir = join(temp.dir, 'blocked');
    standIn.setModel(STUDENT, { ...QUICK, alwaysFault: 'accessDenied' });
    const blocked = await cli(dir, ...newRun, '--repeats', '1', '--json');
    expect(blocked.code).toBe(1);
    const summary = JSON.parse(blocked.stdout) as CliSummary;
    expect(summary).toMatchObject({ status: 'paused', done: 5, failed: 1 });
    expect(summary.statusReason).toContain('Model access not granted');

    standIn.setModel(STUDENT, QUICK);
    const resumed = await cli(dir, '--resume', summary.experimentId, '--retry-failed', '--json');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('removed 1 failed calls');
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: 'completed', done: 8, failed: 0 });
  });

  it('exits 2 without touching the store when a price or an argument is missing', async () => {
    const dir = join(temp.dir, 'usage');
    const noPrice = await cli(
      dir,
      '--dataset',
      file,
      '--teacher',
      'x.unknown-v1:0',
      '--student',
      STUDENT,
      ...PRICES.slice(2),
    );
    expect(noPrice.code).toBe(2);
    expect(noPrice.stderr).toContain('--price x.unknown-v1:0=IN,OUT');
    const { db } = await openDatabase(databasePath(dir));
    expect(listDatasets(db)).toEqual([]);
    db.close();

    const noStudent = await cli(dir, '--dataset', file, '--teacher', TEACHER);
    expect(noStudent.code).toBe(2);
    expect(noStudent.stderr).toContain('Usage: distill-roi run');
    const unknown = await cli(dir, '--resume', 'no-such-experiment');
    expect(unknown.code).toBe(2);
  });
});
