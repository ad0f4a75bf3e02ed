import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  truncateSync,
} from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { seriousViolations } from './support/axe';
import { AppShell } from './pages/AppShell';
import { DatasetsPage } from './pages/DatasetsPage';
import { RecoveryPage } from './pages/RecoveryPage';

test('a damaged data file opens the recovery screen, which restores the backup only when confirmed', async ({
  page,
  host,
  dataDir,
}) => {
  const dbFile = join(dataDir, 'distill-roi.sqlite');
  // A data folder with paragraphs, and a copy of it where the app keeps automatic backups.
  const datasets = new DatasetsPage(page);
  await datasets.open(host.url);
  await datasets.addSample();
  await host.stop();
  mkdirSync(join(dataDir, 'backups'));
  copyFileSync(
    dbFile,
    join(dataDir, 'backups', 'distill-roi.sqlite.v30.2026-01-01T00-00-00-000Z.bak'),
  );
  truncateSync(dbFile, Math.floor(readFileSync(dbFile).length / 2));
  const damaged = readFileSync(dbFile);

  await host.start();
  const recovery = new RecoveryPage(page);
  const shell = new AppShell(page);
  await recovery.open(host.url);
  await expect(recovery.problem).toContainText('damaged');
  await expect(recovery.backup).toContainText('distill-roi.sqlite.v30.');
  await expect(shell.navEntry('datasets')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // Choosing, then cancelling, changes nothing.
  await recovery.chooseRestore();
  await recovery.cancel();
  expect(readFileSync(dbFile).equals(damaged)).toBe(true);

  await recovery.chooseRestore();
  await recovery.confirm();
  const asideName = readdirSync(dataDir).find((f) => f.startsWith('distill-roi.sqlite.unusable-'));
  expect(asideName).toBeDefined();
  // The damaged file is kept byte for byte; the backup is still there.
  expect(readFileSync(join(dataDir, asideName ?? '')).equals(damaged)).toBe(true);
  await expect(recovery.done).toContainText(asideName ?? '');
  expect(readdirSync(join(dataDir, 'backups')).filter((f) => f.endsWith('.bak'))).toHaveLength(1);

  await recovery.continueToApp();
  await shell.screen('datasets').waitFor();
  await expect(datasets.cards).toHaveCount(8);
  await host.stop();
  expect(existsSync(dbFile)).toBe(true);
});
