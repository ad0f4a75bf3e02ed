// `npm test`: every check and every test runner, in order, then one line the CI log reader
// understands: "N passed, N failed". Static checks (types, lint, format, build) count as one
// test each. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerHelp } from './help.mjs';

answerHelp(`
Usage: npm test      (node scripts/test-all.mjs)

Type check, ESLint, Prettier, the build, the Vitest unit tests, the keychain tests (in a private
D-Bus session with gnome-keyring), the crash tests and the Playwright end-to-end tests, then one
line: N passed, N failed. Exits 1 on any failure.

Environment:
  DISTILL_ROI_FLOOR_NODE_BIN=DIR   a folder holding Node 22: the unit tests run again under it
  CHROMIUM_PATH=FILE               the Chromium for the end-to-end tests and PDFs
`);

let passed = 0;
let failed = 0;
const failures = [];

function run(cmd, args, env = {}) {
  process.stdout.write(`\n▶ ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(name, cmd, args) {
  const ok = run(cmd, args);
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// The names of the failed tests, repeated at the end: a CI log is often read from its tail.
const failedTests = [];

function vitestFailures(report) {
  const root = process.cwd() + '/';
  return (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((t) => t.status === 'failed')
      .map((t) => `${String(file.name).replace(root, '')} › ${t.fullName}`),
  );
}

function playwrightFailures(report) {
  const names = [];
  const walk = (suite, trail) => {
    const here = suite.title ? [...trail, suite.title] : trail;
    for (const spec of suite.specs ?? []) {
      if ((spec.tests ?? []).some((t) => t.status === 'unexpected'))
        names.push([...here, spec.title].join(' › '));
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return names;
}

/** A runner's own counts; a runner that died without a report counts as one failure. */
function counted(name, ok, file, pick, namesOf = vitestFailures) {
  const report = readJson(file);
  if (!report) {
    failed += 1;
    failures.push(`${name} (no report)`);
    return;
  }
  const [p, f] = pick(report);
  passed += p;
  failed += f;
  if (f > 0 || !ok) failures.push(name);
  if (!ok && f === 0) failed += 1;
  for (const test of namesOf(report)) failedTests.push(`${name}: ${test}`);
}

mkdirSync('.tmp', { recursive: true });
for (const f of [
  '.tmp/vitest-results.json',
  '.tmp/vitest-keychain-results.json',
  '.tmp/vitest-crash-results.json',
  '.tmp/vitest-node22-results.json',
  '.tmp/playwright-results.json',
])
  rmSync(f, { force: true });

check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);
check('format', 'npm', ['run', '--silent', 'format:check']);
const built = check('build', 'npm', ['run', '--silent', 'build']);

const unitOk = run('npx', ['vitest', 'run']);
counted('unit tests', unitOk, '.tmp/vitest-results.json', (r) => [
  r.numPassedTests,
  r.numFailedTests,
]);

// The floor in package.json's engines is tested, not assumed: where CI names a Node 22 (.ci/run),
// the Vitest suite runs once more under it, with that Node first on PATH for child processes.
const floorBin = process.env.DISTILL_ROI_FLOOR_NODE_BIN;
if (floorBin) {
  const floorNode = join(floorBin, 'node');
  const floorOk = run(
    floorNode,
    ['node_modules/vitest/vitest.mjs', 'run', '--outputFile.json=.tmp/vitest-node22-results.json'],
    { PATH: `${floorBin}:${process.env.PATH ?? ''}` },
  );
  counted('unit tests under the floor Node', floorOk, '.tmp/vitest-node22-results.json', (r) => [
    r.numPassedTests,
    r.numFailedTests,
  ]);
}

// The real-keychain tests run in a private D-Bus session with an unlocked gnome-keyring
// (Debian's dbus, gnome-keyring, libsecret-tools, installed by .ci/run); without those tools they
// count as a failure, never a skip.
const keychainOk = run(
  'dbus-run-session',
  [
    '--',
    'sh',
    '-c',
    'echo pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npm run --silent test:keychain',
  ],
  { XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'distill-keyring-')) },
);
counted('keychain tests', keychainOk, '.tmp/vitest-keychain-results.json', (r) => [
  r.numPassedTests,
  r.numFailedTests,
]);

// 50 × kill -9 of the headless CLI during runs and imports (vitest.crash.config.mts).
const crashOk = run('npm', ['run', '--silent', 'test:crash']);
counted('crash tests', crashOk, '.tmp/vitest-crash-results.json', (r) => [
  r.numPassedTests,
  r.numFailedTests,
]);

if (built && existsSync('out/node/host.cjs')) {
  const e2eOk = run('npx', ['playwright', 'test']);
  counted(
    'end-to-end tests',
    e2eOk,
    '.tmp/playwright-results.json',
    (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected],
    playwrightFailures,
  );
} else {
  failed += 1;
  failures.push('end-to-end tests (no build)');
}

if (failedTests.length > 0)
  process.stdout.write(`\nFailed tests:\n${failedTests.map((t) => `  ${t}`).join('\n')}\n`);
if (failures.length > 0) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
