import { expect, test } from '@playwright/test';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  truncateSync,
} from 'node:fs';
import { join } from 'node:path';
import { launchHost } from '../support/hostLauncher';
import { makeTempDir } from '../support/tempDir';
import { seriousViolations } from './support/axe';
import { DatasetsPage } from './pages/DatasetsPage';
import { RecoveryPage } from './pages/RecoveryPage';

test('a damaged data file opens the recovery screen, which restores the backup only when confirmed', async ({
  page,
}) => {
  const tmp = makeTempDir('distill-e2e-recovery-');
  const dbFile = join(tmp.dir, 'distill-roi.sqlite');
  try {
    // A data folder with paragraphs, and a copy of it where the app keeps automatic backups.
    let host = await launchHost(tmp.dir);
    const datasets = new DatasetsPage(page);
    await datasets.open(host.url);
    await page.getByTestId('add-sample').click();
    await expect(datasets.cards).toHaveCount(8);
    await host.stop();
    mkdirSync(join(tmp.dir, 'backups'));
    copyFileSync(
      dbFile,
      join(tmp.dir, 'backups', 'distill-roi.sqlite.v30.2026-01-01T00-00-00-000Z.bak'),
    );
    truncateSync(dbFile, Math.floor(readFileSync(dbFile).length / 2));
    const damaged = readFileSync(dbFile);

    host = await launchHost(tmp.dir);
    const recovery = new RecoveryPage(page);
    await recovery.open(host.url);
    await expect(recovery.problem).toContainText('damaged');
    await expect(recovery.backup).toContainText('distill-roi.sqlite.v30.');
    await expect(page.getByTestId('nav-datasets')).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Choosing, then cancelling, changes nothing.
    await recovery.chooseRestore();
    await recovery.cancel();
    expect(readFileSync(dbFile).equals(damaged)).toBe(true);

    await recovery.chooseRestore();
    await recovery.confirm();
    const asideName = readdirSync(tmp.dir).find((f) =>
      f.startsWith('distill-roi.sqlite.unusable-'),
    );
    expect(asideName).toBeDefined();
    // The damaged file is kept byte for byte; the backup is still there.
    expect(readFileSync(join(tmp.dir, asideName ?? '')).equals(damaged)).toBe(true);
    await expect(recovery.done).toContainText(asideName ?? '');
    expect(readdirSync(join(tmp.dir, 'backups')).filter((f) => f.endsWith('.bak'))).toHaveLength(1);

    await recovery.continueToApp();
    await page.locator('[data-testid="datasets-screen"][data-app-state="ready"]').waitFor();
    await expect(datasets.cards).toHaveCount(8);
    await host.stop();
    expect(existsSync(dbFile)).toBe(true);
  } finally {
    tmp.cleanup();
  }
});
