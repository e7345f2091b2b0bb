#!/usr/bin/env node
// `npm test`: the Vitest suite on the embedded database (PGlite), again on
// PostgreSQL when DATABASE_URL is set, then the browser tests when Debian
// chromium is installed. Ends with one line: `N passed, N failed[, N skipped]`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Every failed test by name, repeated just above the summary: a long log's tail must say what failed. */
const failures = [];
const firstLine = (text) =>
  String(text ?? '')
    .split('\n')
    .find((line) => line.trim() !== '') ?? '';
const workDir = mkdtempSync(join(tmpdir(), 'tradelane-test-run-'));
const extraArgs = process.argv.slice(2);

const run = (label, command, args, env) => {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
};

const vitest = (label, env) => {
  const report = join(workDir, `${label.replace(/\W+/g, '-')}.json`);
  const status = run(
    label,
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs],
    env,
  );
  if (!existsSync(report)) {
    totals.failed += 1;
    console.error(`${label}: the test runner produced no report (exit ${status})`);
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0);
  totals.skipped += r.numPendingTests + r.numTodoTests;
  for (const file of r.testResults) {
    const failed = file.assertionResults.filter((t) => t.status === 'failed');
    for (const t of failed)
      failures.push(
        `${label}: ${relative('.', file.name)} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`,
      );
    // A file that fails before its tests run (an import error, a hook) has no failed test to name.
    if (failed.length === 0 && file.status === 'failed')
      failures.push(`${label}: ${relative('.', file.name)}: ${firstLine(file.message)}`);
  }
};

/** Playwright's JSON report nests suites by file and `describe`; a flaky test counts as failed, as in the totals. */
const playwrightFailures = (suite, titles = []) => {
  const path = suite.title ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      const last = test.results.at(-1);
      if (test.status === 'unexpected' || test.status === 'flaky') {
        failures.push(
          `browser tests: ${[...path, spec.title].join(' › ')}: ${firstLine(last?.error?.message)}`,
        );
      }
    }
  }
  for (const child of suite.suites ?? []) playwrightFailures(child, path);
};

const { DATABASE_URL, ...withoutDatabase } = process.env;
vitest('unit and integration tests on PGlite', { ...withoutDatabase, DATABASE_URL: '' });
if (DATABASE_URL) vitest('unit and integration tests on PostgreSQL', { DATABASE_URL });

const chromium = '/usr/bin/chromium';
if (
  extraArgs.length === 0 &&
  existsSync(chromium) &&
  existsSync('e2e') &&
  process.env.TRADELANE_SKIP_E2E !== '1'
) {
  const report = join(workDir, 'e2e.json');
  run('browser tests (Playwright, Debian chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  if (existsSync(report)) {
    const { stats, suites } = JSON.parse(readFileSync(report, 'utf8'));
    for (const suite of suites ?? []) playwrightFailures(suite);
    totals.passed += stats.expected;
    totals.failed += stats.unexpected + stats.flaky;
    totals.skipped += stats.skipped;
  } else {
    totals.failed += 1;
    console.error('browser tests: Playwright produced no report');
  }
} else if (extraArgs.length === 0) {
  console.log(
    `\nbrowser tests not run: ${existsSync(chromium) ? 'no e2e/ folder' : `${chromium} is not installed (apt-get install chromium)`}`,
  );
}

rmSync(workDir, { recursive: true, force: true });
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed > 0 ? 1 : 0);
