/**
 * `report`, `export` and `import` as child processes, on an experiment the CLI itself ran
 * against the Bedrock stand-in (real runs, real ROUGE scores). The PDF needs the built print
 * page (out/renderer, `npm run build`) and Debian's Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBedrockStandIn, type BedrockStandIn } from '../../../test/support/bedrockStandIn';
import { startCli } from '../../../test/support/cliProcess';
import { paragraphText, STUDENT, TEACHER } from '../../../test/support/runnerFixture';
import { makeTempDir } from '../../../test/support/tempDir';

const temp = makeTempDir('distill-cli-export-');
const data = join(temp.dir, 'data');
const elsewhere = join(temp.dir, 'elsewhere');
let standIn: BedrockStandIn;
let experimentId = '';

const cli = async (...args: string[]) => (await startCli(args)).exited;
const pdftext = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

beforeAll(async () => {
  standIn = await startBedrockStandIn({
    models: {
      [TEACHER]: { latencyMs: 30, ttftMs: 8, output: 'teacher' },
      [STUDENT]: { latencyMs: 20, ttftMs: 5 },
    },
  });
  const file = join(temp.dir, 'paragraphs.jsonl');
  const lines = [0, 1, 2, 3, 4, 5].map((i) =>
    JSON.stringify({
      text: paragraphText(i),
      reference: `Revenue of ${i * 7} million, margin ${i} percent.`,
    }),
  );
  writeFileSync(file, lines.join('\n'));
  const run = await cli(
    'run',
    '--data-dir',
    data,
    '--endpoint',
    standIn.url,
    '--dataset',
    file,
    '--teacher',
    TEACHER,
    '--student',
    STUDENT,
    '--price',
    `${TEACHER}=0.00265,0.0035`,
    '--price',
    `${STUDENT}=0.0003,0.0006`,
    '--repeats',
    '1',
    '--json',
  );
  expect(run.code, run.stderr).toBe(0);
  experimentId = (JSON.parse(run.stdout) as { experimentId: string }).experimentId;
}, 60_000);

afterAll(async () => {
  await standIn.close();
  temp.cleanup();
});

describe('distill-roi report, export and import', () => {
  it('writes the PDF report of an experiment, and never over an existing file without --force', async () => {
    const pdf = join(temp.dir, 'report.pdf');
    const first = await cli('report', '--data-dir', data, '--pdf', pdf, '--paper', 'letter');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`wrote ${pdf}`);
    const text = pdftext(pdf);
    // Raw model ids may wrap at their hyphen on the cover; the answer line does not.
    expect(text).toContain('Move summarization from test.teacher-');
    // Six paragraphs: never enough for a Yes; the cover says what would settle it.
    expect(text).toContain('Not yet: too few paragraphs');
    expect(text).toContain('score 4 more paragraphs with reference summaries');
    // The terminal prints the same verdict as the PDF's cover.
    expect(first.stdout).toContain('Verdict: Not yet: too few paragraphs');
    expect(text).toContain(`experiment ${experimentId}`);
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('typed for this experiment, ');
    expect(text).toContain('given with --price');

    const size = statSync(pdf).size;
    const again = await cli('report', '--data-dir', data, '--pdf', pdf, '--no-appendix');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists. Nothing was written; add --force to replace.');
    expect(statSync(pdf).size).toBe(size);
    const forced = await cli(
      'report',
      '--data-dir',
      data,
      '--pdf',
      pdf,
      '--no-appendix',
      '--force',
    );
    expect(forced.code, forced.stderr).toBe(0);
    expect(pdftext(pdf)).not.toContain('Appendix: paragraphs and outputs');
  }, 60_000);

  it('exports runs and scenario outputs as CSV into a folder', async () => {
    const dir = join(temp.dir, 'csv');
    const r = await cli('export', '--data-dir', data, '--csv', dir, '--experiment', experimentId);
    expect(r.code, r.stderr).toBe(0);
    const runs = readFileSync(join(dir, 'runs.csv'), 'utf8');
    expect(runs.startsWith('\uFEFF"experiment_id"')).toBe(true);
    expect(runs.trimEnd().split('\r\n')).toHaveLength(1 + 12);
    expect(runs).toContain('"rougeL@reference"');
    expect(runs).toContain('"service_tier"');
    expect(readFileSync(join(dir, 'scenarios.csv'), 'utf8')).toContain(
      '"Measured in this experiment"',
    );
  });

  it('exports a bundle and imports it into another data folder', async () => {
    const bundle = join(temp.dir, 'study.distill.json');
    const out = await cli('export', '--data-dir', data, '--bundle', bundle);
    expect(out.code, out.stderr).toBe(0);
    const imported = await cli('import', bundle, '--data-dir', elsewhere);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/imported ".*" as experiment \S+/);
    expect(imported.stdout).toContain('6 paragraphs, 12 calls');

    const tampered = join(temp.dir, 'tampered.json');
    writeFileSync(
      tampered,
      readFileSync(bundle, 'utf8').replace('"status":"ok"', '"status":"error"'),
    );
    const refused = await cli('import', tampered, '--data-dir', elsewhere);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('changed after it was exported');
  });

  it('prints the verdict the report’s cover gives, with its reasons and what would settle it', async () => {
    const r = await cli('verdict', '--data-dir', data, '--json');
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as {
      verdict: string;
      answer: string;
      reasons: string[];
      settle: string[];
    };
    // Six paragraphs scored with ROUGE: never enough for a Yes, whatever the scores.
    expect(v.verdict).toBe('unclear');
    expect(v.answer).toBe('Not yet: too few paragraphs');
    expect(v.reasons[0]).toMatch(/^Cost: /);
    expect(v.reasons.join(' ')).toContain('Thin evidence: 6 of the 10 paragraphs needed');
    expect(v.settle).toContain('score 4 more paragraphs with reference summaries');
    const text = await cli('verdict', '--data-dir', data);
    expect(text.stdout.split('\n')[0]).toBe('Verdict: Not yet: too few paragraphs');
    const misplaced = await cli('export', '--data-dir', data, '--bundle', 'b', '--json');
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('--json goes with verdict.');
  });

  it('explains usage mistakes with exit code 2', async () => {
    const none = await cli('report', '--data-dir', data);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('report needs --pdf FILE.');
    const both = await cli('export', '--data-dir', data, '--csv', 'a', '--bundle', 'b');
    expect(both.code).toBe(2);
    const empty = await cli(
      'report',
      '--data-dir',
      join(temp.dir, 'empty'),
      '--pdf',
      join(temp.dir, 'x.pdf'),
    );
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('This data folder has no experiment.');
    expect(existsSync(join(temp.dir, 'x.pdf'))).toBe(false);
  });
});
