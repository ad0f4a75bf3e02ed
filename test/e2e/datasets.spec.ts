import { request } from 'node:http';
import { expect, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';
import { DatasetsPage } from './pages/DatasetsPage';

const CSV = [
  'text,reference,tags',
  '"Quarterly revenue rose 12%, driven by cloud sales.","Revenue up 12% on cloud.",finance;quarterly',
  '"",no text here,',
  'Shipping delays eased in March as port congestion cleared.,,logistics',
].join('\n');

const TXT =
  'A dropped paragraph about wind farms.\nIt spans two lines.\n\nA second dropped paragraph about solar panels.\n';

test('write, import and drop paragraphs; everything survives a restart', async ({ page, host }) => {
  const app = new DatasetsPage(page);
  await app.open(host.url);
  await expect(app.firstRun).toContainText('Paragraphs');

  await app.createDataset('Support tickets');
  await app.typeParagraph(
    'The customer cannot reset the password from the mobile app.',
    'Mobile password reset fails.',
  );
  await expect(app.composerStats()).toContainText('10 words');
  await app.addTypedParagraph();

  await app.pickFile('tickets.csv', 'text/csv', CSV);
  await expect(app.importCounts).toContainText('2 paragraphs will be imported, 1 rows rejected');
  await expect(app.importRejected).toContainText('empty');
  await app.chooseImportTarget({ label: 'Support tickets' });
  await app.confirmImport();
  await expect(app.cards).toHaveCount(3);

  await app.dropFile('energy.txt', TXT);
  await expect(app.importCounts).toContainText('2 paragraphs will be imported');
  await app.chooseImportTarget({ label: 'Support tickets' });
  await app.confirmImport();
  await expect(app.cards).toHaveCount(5);

  await app.pickFile('broken.txt', 'text/plain', Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x0a]));
  await expect(app.importRefused).toContainText(/UTF-8/);
  await app.cancelImport();
  await expect(app.cards).toHaveCount(5);

  const before = await app.cardTexts();
  await host.restart();
  await app.open(host.url);
  await app.selectDataset('Support tickets');
  await expect.poll(() => app.cardTexts()).toEqual(before);
  expect(before).toContain('Quarterly revenue rose 12%, driven by cloud sales.');
  await expect(app.paragraphReference(0)).toHaveValue('Mobile password reset fails.');
  await expect(app.summary).toContainText('5 paragraphs');
});

test('the first-run card starts with Settings and names screens as the sidebar does', async ({
  page,
  host,
}) => {
  const app = new DatasetsPage(page);
  await app.open(host.url);
  const steps = await app.firstRunStepNames();
  const sidebar = await app.sidebarNames();
  expect(steps[0]).toBe('Settings');
  expect(steps.every((s) => sidebar.includes(s))).toBe(true);
  await expect(app.firstRun).toContainText('credentials');
  await app.openSettingsFromFirstRun();
  await expect(new AppShell(page).screen('settings')).toBeVisible();
});

test('edit, reorder and delete paragraphs in place', async ({ page, host }) => {
  const app = new DatasetsPage(page);
  await app.open(host.url);
  await app.addSample();
  const [first, second] = await app.cardTexts();

  await app.moveUp(1);
  await expect.poll(() => app.cardTexts().then((t) => t.slice(0, 2))).toEqual([second, first]);

  const editor = app.paragraphEditor(0);
  await editor.fill('An edited paragraph about buses.');
  await expect(app.saveState(0)).toHaveText('Unsaved changes');
  await editor.blur();
  await expect(app.saveState(0)).toHaveText('Saved');

  await app.deleteParagraph(2);
  await expect(app.cards).toHaveCount(7);

  await new AppShell(page).reload();
  await expect(app.cards).toHaveCount(7);
  expect((await app.cardTexts())[0]).toBe('An edited paragraph about buses.');
});

function rawPost(origin: string, headers: Record<string, string>): Promise<number> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/call/listDatasets',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

test('the host refuses calls without the token or from a foreign origin', async ({
  page,
  host,
}) => {
  expect(await rawPost(host.origin, { origin: host.origin })).toBe(401);
  expect(
    await rawPost(host.origin, { origin: 'http://evil.example', 'x-distill-token': host.token }),
  ).toBe(403);
  expect(await rawPost(host.origin, { origin: host.origin, 'x-distill-token': host.token })).toBe(
    200,
  );

  // A page on another origin cannot call the API even when it knows the token.
  await page.goto('about:blank');
  const status = await page.evaluate(
    async ({ origin, token }) => {
      try {
        const r = await fetch(`${origin}/api/call/listDatasets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-distill-token': token },
          body: '{}',
        });
        return r.status;
      } catch {
        return 'blocked';
      }
    },
    { origin: host.origin, token: host.token },
  );
  expect(status).toBe('blocked');
});
