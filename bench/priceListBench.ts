/**
 * Price List benchmark (`npm run bench`, last): a refresh over a generated offer file of about
 * 30 MB (the live AmazonBedrock file is about 15 MB and growing), read from disk with
 * `--from`, for one region, into a real SQLite file. Reports the time and the peak memory above
 * the process's footprint before the refresh (RSS, sampled every 5 ms). Goals: under 5 s and
 * under 150 MB extra.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/main/db/open';
import { refreshPrices } from '../src/main/priceList/refreshPrices';
import { makeTempDir } from '../test/support/tempDir';
import { mergeResults } from './benchResults';
import { writeLargeOfferFile } from './offerFileGenerator';
import { answerHelp } from './benchHelp';

answerHelp(`Usage: node out/node/bench-prices.cjs   (part of npm run bench)

A Price List refresh over a generated 30 MB offer file into a real SQLite file.
Goals: under 5 s and under 150 MB of memory above the process's footprint.`);

const TARGET_BYTES = 30_000_000;
const TIME_GOAL_MS = 5_000;
const MEMORY_GOAL_MB = 150;

async function main(): Promise<void> {
  const temp = makeTempDir('distill-bench-prices-');
  try {
    const file = join(temp.dir, 'AmazonBedrock-index.json');
    const bytes = await writeLargeOfferFile(file, TARGET_BYTES);
    const { db } = await openDatabase(join(temp.dir, 'distill-roi.sqlite'));
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const t0 = performance.now();
    const [result] = await refreshPrices(db, {
      regions: ['us-east-1'],
      baseUrl: 'http://127.0.0.1:9',
      from: file,
    });
    const elapsedMs = performance.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    db.close();
    if (result?.outcome !== 'saved') throw new Error(`refresh did not save: ${result?.message}`);
    const extraMb = (peak - baseline) / 1e6;
    const mb = Math.round((bytes / 1e6) * 10) / 10;
    const round = (x: number) => Math.round(x * 10) / 10;
    mergeResults(join(process.cwd(), 'bench', 'results.json'), 'priceList.', [
      {
        name: 'priceList.refreshMs',
        value: round(elapsedMs),
        unit: 'ms',
        goal: `≤ ${TIME_GOAL_MS}: refresh of one region from a ${mb} MB offer file, streamed`,
      },
      {
        name: 'priceList.peakExtraMb',
        value: round(extraMb),
        unit: 'MB',
        goal: `≤ ${MEMORY_GOAL_MB}: peak RSS above the footprint before the refresh`,
      },
    ]);
    const verdict = (v: number, goal: number) => (v <= goal ? 'within' : 'OVER');
    process.stdout.write(
      [
        `Price List refresh, ${mb} MB offer file, ${result.snapshot?.rowCount ?? 0} prices kept for us-east-1:`,
        `  time        ${round(elapsedMs)} ms   goal ≤ ${TIME_GOAL_MS} ms   ${verdict(elapsedMs, TIME_GOAL_MS)}`,
        `  peak memory +${round(extraMb)} MB   goal ≤ ${MEMORY_GOAL_MB} MB   ${verdict(extraMb, MEMORY_GOAL_MB)}`,
        '',
      ].join('\n'),
    );
    rmSync(file, { force: true });
  } finally {
    temp.cleanup();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
