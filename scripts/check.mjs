// `npm test`: every check Carton has — typecheck, lint, unit and integration tests, end-to-end
// tests in Debian's Chromium — after installing whatever a fresh machine lacks.
// Ends with one line `N passed, N failed` and exits non-zero on any failure.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  build,
  ensurePnpm,
  ensureSystemPackages,
  installDependencies,
  log,
  runHeld,
} from './lib/setup.mjs';
import { countProgress, runWatchedVitest } from './lib/watched-vitest.mjs';

ensurePnpm();
installDependencies();
ensureSystemPackages();
build();

let passed = 0;
let failed = 0;
const failures = [];
/** What went wrong without failing a test, said again at the end. */
const notes = [];

/**
 * Runs checks side by side, each output printed whole once it is done (in the given order).
 * Typecheck (TS 7, native), ESLint and Prettier read the same sources and write nothing, and none
 * fills the two cores alone: ~14, ~21 and ~23 s of CPU on CI's machine. `pnpm run lint` runs
 * ESLint then Prettier, one after the other: beside the typecheck that took ~41 s, three at once
 * take about half their sum.
 */
async function checksAtOnce(checks) {
  log(`${checks.map(([name]) => name).join(' and ')}, at once`);
  const results = await Promise.all(checks.map(([, command, args]) => runHeld(command, args)));
  checks.forEach(([name], i) => {
    const { code, output } = results[i];
    log(`${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`}`);
    process.stdout.write(output);
    if (code === 0) passed += 1;
    else {
      failed += 1;
      failures.push(name);
    }
  });
}

/**
 * One Vitest stage, watched (scripts/lib/watched-vitest.mjs): past `budgetMinutes` it is stopped
 * and each file that never ended fails; once every file has ended, Vitest gets a minute to exit,
 * then its files' own results count. Each stage takes 3–6 minutes on CI's machine.
 */
async function vitest(name, projects, budgetMinutes) {
  log(name);
  const out = join(mkdtempSync(join(tmpdir(), 'carton-vitest-')), 'report.json');
  const args = ['--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  for (const project of projects) args.push('--project', project);
  const { code, ending, progress } = await runWatchedVitest({
    args,
    budgetMs: budgetMinutes * 60_000,
    exitGraceMs: 60_000,
  });
  let report = null;
  try {
    report = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    // No report: the run broke, or was stopped before writing it. Counted below.
  }
  const counted = countProgress(progress);
  if (ending === 'exited' && report) {
    // The progress reporter's count stands in when Vitest does not exit: it must agree here.
    if (counted.passed !== report.numPassedTests) {
      notes.push(
        `${name}: ${counted.passed} passed by the files' ends, ${report.numPassedTests} by Vitest`,
      );
    }
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A file that fails to load has no tests to count; it still fails the run.
    const brokenFiles = report.testResults.filter(
      (file) => file.status === 'failed' && file.assertionResults.length === 0,
    ).length;
    failed += brokenFiles;
    if (report.numFailedTests > 0 || brokenFiles > 0 || code !== 0) {
      failures.push(name);
      if (code !== 0 && report.numFailedTests === 0 && brokenFiles === 0) failed += 1;
      return; // The report stays, for reading what failed (its path is printed above).
    }
    rmSync(dirname(out), { recursive: true, force: true });
    return;
  }
  // Counted from each file's end as the progress reporter wrote it.
  passed += counted.passed;
  failed += counted.failed;
  for (const line of counted.failedNames) console.log(`  ✖ ${line}`);
  if (ending === 'wedged') notes.push(`${name}: Vitest did not exit after its last file (above)`);
  if (ending === 'exited') failed += 1; // Vitest ended without its report: the run broke.
  const why = { exited: ': no report', overrun: ': stopped at its budget', wedged: '' }[ending];
  if (counted.failed > 0 || ending === 'exited') failures.push(`${name}${why}`);
}

await checksAtOnce([
  ['Typecheck (tsc -b)', 'pnpm', ['run', 'typecheck']],
  // `pnpm run lint`'s two halves (package.json), each on its own.
  ['ESLint', 'pnpm', ['exec', 'eslint', '.']],
  ['Prettier', 'pnpm', ['exec', 'prettier', '--check', '.']],
]);
// Every project but e2e (new projects join automatically), then e2e on its own: browsers are heavy.
await vitest('Unit, integration and chaos tests (vitest)', ['!e2e'], 15);
await vitest('End-to-end tests (vitest + playwright-core + Chromium)', ['e2e'], 25);

console.log('');
for (const note of notes) console.log(`Note: ${note}`);
if (failures.length > 0) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
