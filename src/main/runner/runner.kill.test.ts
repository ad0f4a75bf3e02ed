/**
 * kill -9 in the middle of a run, then resume: no committed result is lost, the experiment
 * completes, and no call whose result was committed is ever requested again.
 *
 * The CLI runs as a child process against a stand-in in this process. Each CLI process signs
 * with its own access key id, so the stand-in's request log says exactly which process made
 * each request, with no timing involved. The exact check: the calls the resumed process
 * requests are precisely the calls without a committed row at the time of the kill, each once.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { buildCli, removeCliBuild, startCli } from '../../../test/support/cliProcess';
import { paragraphText, STUDENT, TEACHER } from '../../../test/support/runnerFixture';
import { makeTempDir } from '../../../test/support/tempDir';
import { renderPrompt } from '../../shared/domain/experiment';
import { listExperiments } from '../db/repos/experiments';
import { listParagraphs } from '../db/repos/paragraphs';
import { listRuns } from '../db/repos/runs';
import { openDatabase } from '../db/open';
import { databasePath } from '../paths/dataDir';

const PARAGRAPHS = 100;
const KILL_AT_REQUEST = 80;
const CONCURRENCY = 8;

describe('kill -9 mid-run, then resume', () => {
  let standIn: BedrockStandIn;
  let killAt: () => void = () => {};
  const reachedKillPoint = new Promise<void>((resolve) => (killAt = resolve));
  const temp = makeTempDir('distill-kill-');

  beforeAll(async () => {
    let served = 0;
    const counting = (body: { messages?: { content?: { text?: string }[] }[] }) => {
      if (++served === KILL_AT_REQUEST) killAt();
      return `Summary of ${body.messages?.[0]?.content?.[0]?.text?.slice(0, 40) ?? ''}`;
    };
    standIn = await startBedrockStandIn({
      models: {
        [TEACHER]: { latencyMs: 60, ttftMs: 15, output: counting },
        [STUDENT]: { latencyMs: 40, ttftMs: 10, output: counting },
      },
    });
    await buildCli();
  });
  afterAll(async () => {
    await standIn.close();
    temp.cleanup();
    removeCliBuild();
  });

  it('keeps every committed result and never requests a committed call again', async () => {
    const file = join(temp.dir, 'paragraphs.txt');
    writeFileSync(
      file,
      Array.from({ length: PARAGRAPHS }, (_, i) => paragraphText(i)).join('\n\n'),
    );
    const common = ['--data-dir', temp.dir, '--endpoint', standIn.url];
    const first = await startCli(
      [
        'run',
        ...common,
        ...['--dataset', file, '--teacher', TEACHER, '--student', STUDENT],
        ...['--repeats', '1', '--concurrency', String(CONCURRENCY)],
        ...['--price', `${TEACHER}=0.00265,0.0035`, '--price', `${STUDENT}=0.0003,0.0006`],
      ],
      { AWS_ACCESS_KEY_ID: 'AKIDFIRSTPROCESS' },
    );
    await Promise.race([reachedKillPoint, first.exited]);
    first.child.kill('SIGKILL');
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');

    // What survived the kill, read the way the resumed process will read it.
    const store = (await openDatabase(databasePath(temp.dir))).db;
    const [experiment] = listExperiments(store);
    if (!experiment) throw new Error('the first process created no experiment');
    expect(experiment.status).toBe('running');
    const committed = listRuns(store, experiment.id);
    const callOf = new Map(
      listParagraphs(store, experiment.config.datasetId).map((p) => [
        renderPrompt(experiment.config.promptTemplate, p.text),
        p.id,
      ]),
    );
    store.close();
    expect(callOf.size).toBe(PARAGRAPHS);
    expect(committed.length).toBeGreaterThan(0);
    expect(committed.length).toBeLessThan(2 * PARAGRAPHS);

    const second = await startCli(['run', ...common, '--resume', experiment.id, '--json'], {
      AWS_ACCESS_KEY_ID: 'AKIDSECONDPROCESS',
    });
    const resumed = await second.exited;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: 'completed', done: 200, failed: 0 });

    const after = (await openDatabase(databasePath(temp.dir))).db;
    const runs = listRuns(after, experiment.id);
    after.close();
    const keyOf = (r: { paragraphId: string; modelId: string }) => `${r.paragraphId}|${r.modelId}`;
    expect(runs).toHaveLength(2 * PARAGRAPHS);
    expect(new Set(runs.map(keyOf)).size).toBe(2 * PARAGRAPHS);
    expect(runs.every((r) => r.status === 'ok')).toBe(true);
    // Every result committed before the kill is still there, unchanged.
    for (const before of committed) {
      expect(runs.find((r) => r.id === before.id)).toEqual(before);
    }

    const requestKey = (accessKeyId: string) =>
      standIn.requests
        .filter((r) => r.accessKeyId === accessKeyId)
        .map((r) => `${callOf.get(r.body?.messages?.[0]?.content?.[0]?.text ?? '')}|${r.modelId}`);
    const byFirst = requestKey('AKIDFIRSTPROCESS');
    const bySecond = requestKey('AKIDSECONDPROCESS');
    const committedKeys = new Set(committed.map(keyOf));
    const missingAtKill = runs.map(keyOf).filter((k) => !committedKeys.has(k));
    // The exact check: the resumed process asked for each missing call once, and nothing else.
    expect([...bySecond].sort()).toEqual([...missingAtKill].sort());
    // Paid twice only for calls the first process had in flight when it died.
    const inFlightAtKill = byFirst.filter((k) => !committedKeys.has(k));
    expect(inFlightAtKill.length).toBeGreaterThanOrEqual(1); // the kill did land mid-call
    expect(inFlightAtKill.length).toBeLessThanOrEqual(CONCURRENCY);
    expect(new Set(byFirst).size).toBe(byFirst.length);
  });
});
