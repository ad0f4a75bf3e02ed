/**
 * `npm run test:crash`: 50 × `kill -9` of the headless CLI at seeded random moments, during
 * runs (35 kills) and during imports (15 kills), against the Bedrock stand-in.
 *
 * What "acknowledged" means, exactly:
 * - a result: the CLI prints a progress line "done/total" (DISTILL_ROI_PROGRESS_EVERY_MS=0
 *   prints every update); the runner counts a call as done only after its row is committed
 *   (autocommit in WAL mode, synchronous = NORMAL: in the OS's hands). So after the kill the store must hold at least the last
 *   printed `done` rows, and every row seen in the store before stays, unchanged.
 * - an import: the CLI prints "imported N paragraphs ... as dataset ID" after the import's
 *   transaction commits; that dataset must then exist with exactly N paragraphs.
 * After every kill: PRAGMA integrity_check is ok, foreign keys hold, every dataset is complete
 * (an import is all or nothing) and every row is whole (no half-written result). At the end one
 * resume completes the experiment, and no process ever requested a call that was already stored
 * when it started (each process signs with its own access key id, so the stand-in's log says
 * which process made each request).
 */
import Sqlite from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { buildCli, startCli, type CliRun } from '../../../test/support/cliProcess';
import { paragraphText, STUDENT, TEACHER } from '../../../test/support/runnerFixture';
import { seededUniform } from '../../../test/support/standInRandom';
import { makeTempDir } from '../../../test/support/tempDir';
import { databasePath } from '../paths/dataDir';

const RUN_KILLS = 35;
const IMPORT_KILLS = 15;
const PARAGRAPHS = 500;
const REPEATS = 1;
const CALLS = PARAGRAPHS * 2 * REPEATS;
const IMPORT_PARAGRAPHS = 10_000;
const PRICES = ['--price', `${TEACHER}=0.00265,0.0035`, '--price', `${STUDENT}=0.0003,0.0006`];
const ENV = { DISTILL_ROI_PROGRESS_EVERY_MS: '0' };

interface Row {
  id: string;
  paragraph_id: string;
  model_id: string;
  repeat_index: number;
  status: string;
  output_text: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  e2e_ms: number | null;
  error_class: string | null;
  error_message: string | null;
}

/** Reads the store the way a restarted app would, and checks it is whole. */
function inspectStore(dir: string) {
  const db = new Sqlite(databasePath(dir), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const rows = db.prepare('SELECT * FROM runs ORDER BY id').all() as Row[];
    for (const r of rows) {
      // A row is whole: every figure of a result, or a classified error, never a mix.
      if (r.status === 'ok') {
        expect(r.output_text, r.id).not.toBeNull();
        expect([r.input_tokens, r.output_tokens, r.cost_usd, r.e2e_ms]).not.toContain(null);
        expect(r.error_class).toBeNull();
      } else {
        expect(r.status).toBe('error');
        expect(r.error_class).not.toBeNull();
        expect(r.error_message).not.toBeNull();
        expect(r.output_text).toBeNull();
      }
    }
    const datasets = db
      .prepare(
        'SELECT d.id, d.name, count(p.id) AS n FROM datasets d LEFT JOIN paragraphs p ON p.dataset_id = d.id GROUP BY d.id',
      )
      .all() as { id: string; name: string; n: number }[];
    const experiments = db.prepare('SELECT id FROM experiments ORDER BY created_at').all() as {
      id: string;
    }[];
    return { rows, datasets, experiments };
  } finally {
    db.close();
  }
}

const callKey = (r: { paragraph_id: string; model_id: string; repeat_index: number }) =>
  `${r.paragraph_id}|${r.model_id}|${r.repeat_index}`;

/** The highest `done` a progress line printed: what the process acknowledged as stored. */
function acknowledgedDone(stderr: string): number {
  let best = 0;
  for (const m of stderr.matchAll(/^\[[#-]+\] ([\d,]+)\/[\d,]+/gm)) {
    best = Math.max(best, Number((m[1] ?? '0').replaceAll(',', '')));
  }
  return best;
}

describe('kill -9 at 50 random moments', () => {
  // Seeded draws: the same moments on every run of the test.
  let draws = 0;
  const random = () => seededUniform(20_261_124, draws++);
  let standIn: BedrockStandIn;
  let served = 0;
  let killAfter = Infinity;
  let current: CliRun | null = null;
  const temp = makeTempDir('distill-crash-');
  const runDir = join(temp.dir, 'runs');
  const importDir = join(temp.dir, 'imports');
  let survived = 0;

  beforeAll(async () => {
    const answer =
      (prefix: string) => (body: { messages?: { content?: { text?: string }[] }[] }) => {
        if (++served === killAfter) current?.child.kill('SIGKILL');
        return `${prefix} ${body.messages?.[0]?.content?.[0]?.text?.slice(0, 60) ?? ''}`;
      };
    standIn = await startBedrockStandIn({
      models: {
        [TEACHER]: { latencyMs: 40, ttftMs: 8, chunks: 4, output: answer('Teacher:') },
        [STUDENT]: { latencyMs: 25, ttftMs: 5, chunks: 4, output: answer('Student:') },
      },
    });
    await buildCli();
  });
  afterAll(async () => {
    await standIn.close();
    temp.cleanup();
  });

  /** Starts one CLI process and kills it after its `k`-th request (0: once it has started). */
  async function runAndKill(args: string[], akid: string, k: number) {
    served = 0;
    killAfter = k === 0 ? Infinity : k;
    current = await startCli(args, { ...ENV, AWS_ACCESS_KEY_ID: akid });
    if (k === 0) {
      // Kill during start-up: opening the store, reading the experiment, before any request.
      current.child.stderr?.once('data', () => current?.child.kill('SIGKILL'));
    }
    const ended = await current.exited;
    current = null;
    return ended;
  }

  it('keeps every acknowledged result through 35 kills during runs, then resumes without repeats', async () => {
    const file = join(temp.dir, 'paragraphs.txt');
    writeFileSync(
      file,
      Array.from({ length: PARAGRAPHS }, (_, i) => paragraphText(i)).join('\n\n'),
    );
    const common = ['--data-dir', runDir, '--endpoint', standIn.url];
    const storedAtStart = new Map<string, Set<string>>();
    let experimentId = '';
    let seen = new Map<string, Row>();
    let withAck = 0;
    const prompts = new Map<string, string>();

    for (let i = 0; i < RUN_KILLS; i++) {
      const akid = `AKIDCRASHRUN${String(i).padStart(3, '0')}`;
      const args =
        i === 0
          ? [
              'run',
              ...common,
              '--dataset',
              file,
              '--teacher',
              TEACHER,
              '--student',
              STUDENT,
            ].concat(['--repeats', String(REPEATS), '--concurrency', '8', ...PRICES])
          : ['run', ...common, '--resume', experimentId];
      // Seeded moment: after 1–30 of this process's requests, or (one in six) during start-up.
      const k = i > 0 && random() < 1 / 6 ? 0 : 1 + Math.floor(random() * 30);
      storedAtStart.set(akid, new Set(i === 0 ? [] : [...seen.values()].map(callKey)));
      const ended = await runAndKill(args, akid, i === 0 ? 40 : k);
      expect(ended.signal, ended.stderr).toBe('SIGKILL');

      const store = inspectStore(runDir);
      experimentId ||= store.experiments[0]?.id ?? '';
      expect(experimentId).not.toBe('');
      // Every acknowledged result is there, and every row seen before is there unchanged.
      const acked = acknowledgedDone(ended.stderr);
      if (acked > 0) withAck++;
      expect(store.rows.length).toBeGreaterThanOrEqual(acked);
      const now = new Map(store.rows.map((r) => [r.id, r]));
      for (const [id, row] of seen) expect(now.get(id), id).toEqual(row);
      expect(new Set(store.rows.map(callKey)).size).toBe(store.rows.length);
      seen = now;
      survived++;
    }
    expect(seen.size).toBeLessThan(CALLS);
    // The kills did land mid-run: most processes had acknowledged results before dying.
    expect(withAck).toBeGreaterThan(RUN_KILLS / 2);

    // Map each request back to its call (the prompt is the paragraph's unique text).
    const db = new Sqlite(databasePath(runDir), { readonly: true });
    for (const p of db.prepare('SELECT id, text FROM paragraphs').all() as {
      id: string;
      text: string;
    }[]) {
      prompts.set(p.text, p.id);
    }
    db.close();
    const final = await startCli(['run', ...common, '--resume', experimentId, '--json'], {
      AWS_ACCESS_KEY_ID: 'AKIDCRASHFINAL',
    });
    storedAtStart.set('AKIDCRASHFINAL', new Set([...seen.values()].map(callKey)));
    const done = await final.exited;
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ status: 'completed', done: CALLS, failed: 0 });
    const end = inspectStore(runDir);
    expect(end.rows).toHaveLength(CALLS);
    expect(new Set(end.rows.map(callKey)).size).toBe(CALLS);

    // No process asked for a call whose result was already stored when it started.
    const pairOf = (key: string) => key.split('|').slice(0, 2).join('|');
    for (const [akid, stored] of storedAtStart) {
      const storedPairs = new Set([...stored].map(pairOf));
      const asked = standIn.requests
        .filter((r) => r.accessKeyId === akid)
        .map((r) => `${prompts.get(r.body?.messages?.[0]?.content?.[0]?.text ?? '')}|${r.modelId}`);
      expect(
        asked.filter((pair) => storedPairs.has(pair)),
        akid,
      ).toEqual([]);
    }
    console.log(
      `crash test: ${survived} kills during runs survived (${withAck} after acknowledging results; ${seen.size} of ${CALLS} calls stored before the final resume)`,
    );
  });

  it('keeps every import all-or-nothing through 15 kills during imports', async () => {
    const file = join(temp.dir, 'big.txt');
    writeFileSync(
      file,
      Array.from(
        { length: IMPORT_PARAGRAPHS },
        (_, i) => `${paragraphText(i)} ${'word '.repeat(40)}`,
      ).join('\n\n'),
    );
    const args = [
      'run',
      '--data-dir',
      importDir,
      '--endpoint',
      standIn.url,
      '--dataset',
      file,
    ].concat(['--teacher', TEACHER, '--student', STUDENT, '--repeats', '1', ...PRICES]);
    const acknowledged = new Map<string, number>();
    let beforeAck = 0;
    let ackAfterMs = 0;
    for (let i = 0; i < IMPORT_KILLS; i++) {
      const run = await startCli(args, { ...ENV, AWS_ACCESS_KEY_ID: `AKIDCRASHIMP${i}` });
      const spawnedAt = performance.now();
      if (i === 0) {
        // The first one is killed the moment it acknowledges its import, which also measures
        // how long start-up and import take on this machine for the seeded moments below.
        run.child.stderr?.on('data', (c: Buffer) => {
          if (!/imported/.test(c.toString('utf8'))) return;
          ackAfterMs = performance.now() - spawnedAt;
          run.child.kill('SIGKILL');
        });
      } else {
        // A seeded moment between a third of that time and a little after it: some during
        // start-up and parsing, many inside the import's transaction, some just after it.
        setTimeout(() => run.child.kill('SIGKILL'), ackAfterMs * (0.35 + 0.8 * random()));
      }
      const ended = await run.exited;
      expect(ended.signal).toBe('SIGKILL');
      for (const m of ended.stderr.matchAll(
        /imported ([\d,]+) paragraphs from .* as dataset (\S+)/g,
      )) {
        acknowledged.set(m[2] ?? '', Number((m[1] ?? '').replaceAll(',', '')));
      }
      if (!/imported/.test(ended.stderr)) beforeAck++;
      const store = inspectStore(importDir);
      // All or nothing: every dataset holds the whole file; every acknowledged one is there.
      for (const d of store.datasets) expect(d.n, d.name).toBe(IMPORT_PARAGRAPHS);
      for (const [id, n] of acknowledged) {
        expect(store.datasets.find((d) => d.id === id)?.n, id).toBe(n);
      }
      survived++;
    }
    expect(acknowledged.size).toBeGreaterThan(0);
    console.log(
      `crash test: ${IMPORT_KILLS} kills during imports survived (${beforeAck} before the import was acknowledged), ${survived} in all`,
    );
    expect(survived).toBe(RUN_KILLS + IMPORT_KILLS);
  });
});
