/** `distill-roi prices` in process, against the Price List stand-in and a real data folder. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bedrockRows } from '../../../test/support/offerFiles';
import {
  startPriceListStandIn,
  type PriceListStandIn,
} from '../../../test/support/priceListStandIn';
import { runInProcess } from '../../../test/support/cliInProcess';
import { makeTempDir } from '../../../test/support/tempDir';
import { pricesCommand } from './pricesCommand';

const run = (argv: string[], env: NodeJS.ProcessEnv = {}) => runInProcess(pricesCommand, argv, env);

describe('distill-roi prices', () => {
  let standIn: PriceListStandIn;
  const temp = makeTempDir('distill-prices-');
  beforeAll(async () => {
    standIn = await startPriceListStandIn();
    standIn.setOffer('us-east-1', {
      offerCode: 'AmazonBedrock',
      publicationDate: '2026-07-01T00:00:00Z',
      rows: bedrockRows('us-east-1'),
    });
  });
  afterAll(async () => {
    await standIn.close();
    temp.cleanup();
  });

  it('refreshes, prints what changed, and works offline on the stored snapshots', async () => {
    const env = { DISTILL_ROI_PRICE_LIST_URL: standIn.url, DISTILL_ROI_DATA_DIR: temp.dir };
    const first = await run(['refresh'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^us-east-1: Saved \d+ prices for us-east-1 published 2026-07-01/);

    standIn.setOffer('us-east-1', {
      offerCode: 'AmazonBedrock',
      publicationDate: '2026-11-01T00:00:00Z',
      rows: bedrockRows('us-east-1', '0.0007'),
    });
    const second = await run(['refresh', '--region', 'us-east-1'], env);
    expect(second.stdout).toContain('1 changed');
    expect(second.stdout).toContain('Nova Pro standard input: $0.0008 → $0.0007 per 1K tokens');

    await standIn.setOffline(true);
    const offline = await run(['refresh', '--json'], env);
    expect(offline.code).toBe(1);
    const [r] = JSON.parse(offline.stdout) as { outcome: string; message: string }[];
    expect(r?.outcome).toBe('kept');
    expect(r?.message).toContain('Kept the snapshot published 2026-11-01');

    const list = await run(['list'], env);
    expect(list.code).toBe(0);
    expect(
      list.stdout
        .split('\n')
        .filter((l) => l.startsWith('#'))
        .map((l) => l.replace(/^#\d+ /, '').slice(0, 34)),
    ).toEqual(['us-east-1 published 2026-11-01, fe', 'us-east-1 published 2026-07-01, fe']);
  });

  it('refuses bad usage with exit code 2', async () => {
    expect((await run(['refresh', '--region', 'nowhere'])).code).toBe(2);
    expect((await run(['fetch'])).stderr).toContain('Unknown prices command "fetch"');
    expect((await run(['refresh', '--price-list-url', 'ftp://x'])).code).toBe(2);
    expect((await run(['refresh', '--via', 'carrier-pigeon'])).stderr).toContain('--via takes');
  });
});
