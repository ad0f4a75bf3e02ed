/**
 * Import benchmark (`npm run bench`): the hostile shapes the importers must refuse or read in
 * linear time. The unit tests check the answers; this file times them against their goals.
 * Figures are medians of a few rounds after one warm-up.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCsv } from '../src/shared/io/csvParse';
import { parseParagraphFile } from '../src/shared/io/importParagraphs';
import { mergeResults, type BenchEntry } from './benchResults';
import { answerHelp } from './benchHelp';

answerHelp(`Usage: node out/node/bench-import.cjs   (part of npm run bench)

The importers on hostile shapes: a 5,000,000-field CSV row, an unterminated quote over 2,000,000
lines, a 10,000-column header, a 10,000-field row, 1,000 × 1,000 cells. Goal for each beside it.`);

const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const csvFile = (text: string) => ({
  fileName: 'paragraphs.csv',
  bytes: new TextEncoder().encode(text),
});

function timed(f: () => void): number {
  f();
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const t = performance.now();
    f();
    out.push(performance.now() - t);
  }
  return median(out);
}

const wideHeader = ['text', ...Array.from({ length: 9_999 }, (_, i) => `c${i}`)].join(',');
const wideRow = Array.from({ length: 10_000 }, () => 'v').join(',');
const squareHeader = ['text', ...Array.from({ length: 999 }, (_, i) => `c${i}`)].join(',');
const squareRow = ['hello', ...Array.from({ length: 999 }, () => '1')].join(',');

const cases: { name: string; goalMs: number; what: string; run: () => void }[] = [
  {
    name: 'import.csvFiveMillionFields',
    goalMs: 2_000,
    what: 'parseCsv of one 5,000,000-field row',
    run: () => parseCsv(','.repeat(5_000_000), { delimiter: ',', maxFields: 10 }),
  },
  {
    name: 'import.csvUnterminatedQuote',
    goalMs: 2_000,
    what: 'parseCsv of an unterminated quote over 2,000,000 lines',
    run: () => parseCsv(`"${'x\n'.repeat(2_000_000)}`, { delimiter: ',' }),
  },
  {
    name: 'import.tenThousandColumnHeader',
    goalMs: 1_000,
    what: 'a 10,000-column header refused',
    run: () => parseParagraphFile(csvFile(`${wideHeader}\n${wideRow}\n`)),
  },
  {
    name: 'import.tenThousandFieldRow',
    goalMs: 1_000,
    what: 'a 10,000-field row under a one-column header rejected',
    run: () => parseParagraphFile(csvFile(`text\n${'x,'.repeat(9_999)}x\nok`)),
  },
  {
    name: 'import.thousandByThousand',
    goalMs: 3_000,
    what: '1,000 columns by 1,000 rows read',
    run: () =>
      parseParagraphFile(
        csvFile([squareHeader, ...Array.from({ length: 1_000 }, () => squareRow)].join('\n')),
      ),
  },
];

function main(): void {
  const entries: BenchEntry[] = [];
  process.stdout.write('\ngoal                            figure      goal\n');
  for (const c of cases) {
    const ms = round(timed(c.run));
    entries.push({ name: c.name, value: ms, unit: 'ms', goal: `≤ ${c.goalMs}: ${c.what}` });
    const met = ms <= c.goalMs ? 'met ' : 'MISS';
    process.stdout.write(`${met} ${c.name.padEnd(30)} ${`${ms} ms`.padEnd(11)} ≤ ${c.goalMs} ms\n`);
  }
  mergeResults(join(process.cwd(), 'bench', 'results.json'), 'import.', entries);
}

main();
