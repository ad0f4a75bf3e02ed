/** `distill-roi bill reconcile` in process, against the Cost Explorer stand-in and a real store. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BILL_TODAY, billUsage, seedBillRuns } from '../../../test/support/billFixture';
import {
  startCostExplorerStandIn,
  type CostExplorerStandIn,
} from '../../../test/support/costExplorerStandIn';
import { runInProcess } from '../../../test/support/cliInProcess';
import { makeTempDir } from '../../../test/support/tempDir';
import { openDatabase } from '../db/open';
import { databasePath } from '../paths/dataDir';
import { billCommand } from './billCommand';

const run = (argv: string[], env: NodeJS.ProcessEnv) => runInProcess(billCommand, argv, env);

describe('distill-roi bill reconcile', () => {
  let ce: CostExplorerStandIn;
  const temp = makeTempDir('distill-bill-cli-');
  const env = () => ({ DISTILL_ROI_DATA_DIR: temp.dir });
  let experimentId = '';
  beforeAll(async () => {
    ce = await startCostExplorerStandIn({ today: BILL_TODAY });
    ce.setUsage(billUsage());
    vi.stubEnv('AWS_ENDPOINT_URL_COST_EXPLORER', ce.url);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIATESTKEY000000000');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'not-a-secret');
    vi.stubEnv('AWS_PROFILE', '');
    const { db } = await openDatabase(databasePath(temp.dir));
    experimentId = seedBillRuns(db).experimentId;
    db.close();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await ce.close();
    temp.cleanup();
  });

  it('prints billed vs computed per model with explanations in 80 columns, then reads the store', async () => {
    const first = await run(['reconcile', '--from', '2026-12-04', '--to', '2026-12-07'], env());
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('Fetching makes at least 2 Cost Explorer requests ($0.02');
    const lines = first.stdout.trimEnd().split('\n');
    expect(
      lines.filter((l) => l.length > 80),
      first.stdout,
    ).toEqual([]);
    expect(first.stdout).toContain('Model');
    expect(first.stdout).toContain('Billed USD');
    const pro = lines.find((l) => l.startsWith('Amazon Nova Pro '));
    expect(pro?.split(/\s{2,}/)).toEqual([
      'Amazon Nova Pro',
      'us-east-1',
      '$1.26',
      '$0.0144',
      '+$1.25',
    ]);
    const unwrapped = first.stdout.replace(/\n {2,}/g, ' ');
    expect(unwrapped).toContain('other calls to this model in the account');
    expect(first.stdout).toContain('Llama3-70B (us-east-1): $0.40');
    expect(unwrapped).toContain('No billing data yet for 2026-12-07');
    expect(unwrapped).toContain('8 Cost Explorer requests made ($0.08)');

    const seen = ce.targets.length;
    const second = await run(
      ['reconcile', '--from', '2026-12-04', '--to', '2026-12-07', '--json'],
      env(),
    );
    expect(second.code).toBe(0);
    expect(ce.targets.length).toBe(seen);
    const json = JSON.parse(second.stdout) as { requestsMade: number; models: unknown[] };
    expect(json.requestsMade).toBe(0);
    expect(json.models).toHaveLength(3);

    const refreshed = await run(
      ['reconcile', '--from', '2026-12-04', '--to', '2026-12-07', '--refresh'],
      env(),
    );
    expect(refreshed.code).toBe(0);
    expect(ce.targets.length).toBeGreaterThan(seen);
  });

  it('with --tag, says per experiment what was billed and computed for its tagged profile calls', async () => {
    ce.setUsage(
      billUsage().map((u) =>
        // The seeded calls went through the experiment's tagged profiles; other usage did not.
        u.costUsd < 1 && !u.usageType.includes('cache') && !u.usageType.includes('Llama')
          ? { ...u, tags: { 'distill-roi-experiment': experimentId } }
          : u,
      ),
    );
    const tagged = await run(
      [
        'reconcile',
        '--from',
        '2026-12-04',
        '--to',
        '2026-12-07',
        '--tag',
        'distill-roi-experiment',
      ],
      env(),
    );
    ce.setUsage(billUsage());
    expect(tagged.code, tagged.stderr).toBe(0);
    const unwrapped = tagged.stdout.replace(/\n {0,}/g, ' ');
    expect(unwrapped).toContain(
      'By cost allocation tag (experiment id; computed: its calls sent through its tagged profiles):',
    );
    expect(unwrapped).toContain(`${experimentId}: billed $0.02073, computed $0.02073`);
    expect(unwrapped).toContain('(untagged): billed');
    expect(tagged.stdout.split('\n').filter((l) => l.length > 80)).toEqual([]);
  });

  it('exits 1 with the IAM action when Cost Explorer is denied, 2 on bad dates', async () => {
    ce.failWith('AccessDeniedException', 'GetCostAndUsage');
    const denied = await run(
      ['reconcile', '--from', '2026-12-01', '--to', '2026-12-02', '--refresh'],
      env(),
    );
    ce.failWith(null);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('allow ce:GetCostAndUsage');
    const bad = await run(['reconcile', '--from', '2026-12-09', '--to', '2026-12-02'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('To (2026-12-02) is before From (2026-12-09).');
    const missing = await run(['reconcile', '--from', '2026-12-09'], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--to is required');
  });
});
