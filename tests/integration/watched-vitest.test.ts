// `npm test` runs each Vitest stage watched (scripts/lib/watched-vitest.mjs): a stage whose files
// have all ended but whose Vitest never exits counts its files' results and is stopped; a stage
// with a file that never ends is stopped at its budget, that file counted as a failure. Here both
// happen for real, to a real Vitest run on a small project (fixtures/stuck-vitest) that hangs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { countProgress, runWatchedVitest } from '../../scripts/lib/watched-vitest.mjs';
import { REPO_ROOT } from '../support/server.ts';

const FIXTURE = join(REPO_ROOT, 'tests/integration/fixtures/stuck-vitest');
/** A nested Vitest's start, its limits and its stop take 15–20 s on a quiet machine. */
const NESTED_RUN_MS = 90_000;

function runStuck(stuck: 'teardown' | 'file', budgetMs: number) {
  const lines: string[] = [];
  return runWatchedVitest({
    args: ['--config', join(FIXTURE, 'vitest.config.mjs'), '--root', FIXTURE],
    budgetMs,
    exitGraceMs: 3_000,
    cwd: REPO_ROOT,
    env: { STUCK: stuck },
    stdio: 'ignore',
    print: (line) => lines.push(line),
  }).then((result) => ({ ...result, lines }));
}

/** Processes still alive whose command line names the fixture (its Vitest and workers). */
function leftovers(): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => line.includes('stuck-vitest'));
}

it(
  'a stage whose Vitest never exits once every file ended counts those files, failures included',
  async () => {
    const { ending, code, progress, lines } = await runStuck('teardown', 60_000);
    expect(ending).toBe('wedged');
    expect(code).toBeNull();
    const ended = [...progress.ended.values()];
    expect(ended.map((file) => file.file.split('/').pop()).sort()).toEqual([
      'fails.check.mjs',
      'pass.check.mjs',
    ]);
    const counted = countProgress(progress);
    expect(counted).toMatchObject({ passed: 2, failed: 1, unfinished: [] });
    expect(counted.failedNames).toEqual([expect.stringMatching(/fails\.check\.mjs: fails$/)]);
    const printed = lines.join('\n');
    expect(printed).toMatch(/has reported its end, and Vitest has not exited/);
    // What each waiting process held open, from Node's report.
    expect(printed).toMatch(/active handles: \d+/);
    expect(leftovers()).toEqual([]);
  },
  NESTED_RUN_MS,
);

it(
  'a stage with a file that never ends is stopped at its budget, the file named and failed',
  async () => {
    const { ending, progress, lines } = await runStuck('file', 10_000);
    expect(ending).toBe('overrun');
    const counted = countProgress(progress);
    expect(counted.passed).toBe(1);
    expect(counted.failed).toBe(1);
    expect(counted.unfinished).toEqual([expect.stringMatching(/loop\.check\.mjs$/)]);
    const printed = lines.join('\n');
    expect(printed).toMatch(/1 file\(s\) never ended/);
    expect(printed).toMatch(/loop\.check\.mjs/);
    // The stuck worker, busy in the test's loop: `ps` shows it running (R).
    expect(printed).toMatch(/^ {2}\d+ \(parent \d+\) R\S* .*vitest/m);
    expect(leftovers()).toEqual([]);
  },
  NESTED_RUN_MS,
);
