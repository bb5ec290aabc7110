// Runs one Vitest stage of `npm test` under watch, so that a stage that never ends becomes a
// failure that names what hung, or, when every file has ended, a result that counts.
//
// On 29 November CI ran the unit, integration and chaos stage of a commit whose fresh-clone runs
// here had all finished in ~3 minutes: every one of its 417 files printed its result by 12:02,
// and then nothing until CI stopped the run at 5,400 s, without Vitest's summary (so with no
// JSON report). Vitest's pool waits, without a limit, for each worker to say it is done with a
// file after the file's results are in (vitest 4.1's Pool.schedule), and its shutdown waits for
// its workers too; a worker stuck there hangs the whole run, as reported of Vitest 4 elsewhere.
// Two limits here, Node built-ins only:
// - every file has reported its end and Vitest is still running `exitGraceMs` later: the run is
//   over in all but Vitest's own exit. The files' results (scripts/lib/progress-reporter.mjs)
//   count, and the processes are stopped;
// - the stage runs past `budgetMs`: stopped, each file that never ended counts as a failure.
// Either way, before stopping them, it prints what each of the stage's Vitest processes was doing
// (`ps`, and Node's diagnostic report of its open handles), for whoever looks into it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const POLL_MS = 2_000;
const REPORT_WAIT_MS = 4_000;
const TERM_WAIT_MS = 3_000;

function formatDuration(ms) {
  return ms >= 120_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.round(ms / 1000)} s`;
}

/** Reads the progress reporter's lines: the files planned, and each ended file's outcome. */
export function readProgress(file) {
  const progress = { planned: null, ended: new Map() };
  if (!existsSync(file)) return progress;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      continue; // A line cut by a kill mid-write.
    }
    if (entry.type === 'planned') progress.planned = entry.files;
    else if (entry.type === 'ended') progress.ended.set(entry.file, entry);
  }
  return progress;
}

/**
 * Counts a stage from its progress: tests passed and failed, a file that ended failed with no
 * test (it did not load) as one failure, and a planned file that never ended as one failure.
 */
export function countProgress(progress) {
  let passed = 0;
  let failed = 0;
  const unfinished = (progress.planned ?? []).filter((file) => !progress.ended.has(file));
  const failedNames = [];
  for (const entry of progress.ended.values()) {
    passed += entry.passed;
    failed += entry.failed.length;
    for (const name of entry.failed) failedNames.push(`${entry.file}: ${name}`);
    if (entry.state === 'failed' && entry.failed.length === 0) {
      failed += 1;
      failedNames.push(`${entry.file}: ${entry.errors[0] ?? 'failed without a test failing'}`);
    }
  }
  failed += unfinished.length;
  return { passed, failed, unfinished, failedNames };
}

function groupProcesses(groupId) {
  const ps = spawnSync('ps', ['-eo', 'pid=,pgid=,ppid=,stat=,etimes=,wchan:22=,args='], {
    encoding: 'utf8',
  });
  return (ps.stdout ?? '')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 7 && Number(fields[1]) === groupId)
    .map(([pid, , ppid, stat, etimes, wchan, ...args]) => ({
      pid: Number(pid),
      line: `${pid} (parent ${ppid}) ${stat} ${etimes} s ${wchan} ${args.join(' ').slice(0, 160)}`,
      vitest: args.join(' ').includes('vitest'),
    }));
}

/** What one Node diagnostic report says: the handles its process holds open. */
function summariseReport(path) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const command = (report.header?.commandLine ?? []).join(' ').slice(0, 160);
  const lines = [`  process ${report.header?.processId}: ${command}`];
  // Its JavaScript stack is the report's own signal handler: nothing to learn. A process busy in
  // JavaScript writes none (the handler waits for the event loop): `ps` above shows it running.
  const handles = (report.libuv ?? []).filter((h) => h.is_active && h.is_referenced);
  lines.push(`    active handles: ${handles.length}`);
  for (const h of handles.slice(0, 20)) {
    const where = h.remoteEndpoint
      ? ` to ${h.remoteEndpoint.host}:${h.remoteEndpoint.port}`
      : h.localEndpoint
        ? ` on ${h.localEndpoint.host}:${h.localEndpoint.port}`
        : h.pid
          ? ` pid ${h.pid}`
          : h.filename
            ? ` ${h.filename}`
            : '';
    lines.push(`      ${h.type}${where}`);
  }
  return lines.join('\n');
}

async function describeAndStop(child, reportDir, print) {
  const processes = groupProcesses(child.pid);
  print(`  The stage's processes (pid, state, seconds running, waiting in, command):`);
  for (const p of processes) print(`  ${p.line}`);
  let asked = 0;
  for (const p of processes.filter((p) => p.vitest)) {
    try {
      process.kill(p.pid, 'SIGUSR2'); // Node's diagnostic report (--report-on-signal).
      asked += 1;
    } catch {
      // Gone already.
    }
  }
  const reportsDue = Date.now() + REPORT_WAIT_MS;
  while (Date.now() < reportsDue && readdirSync(reportDir).length < asked) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const name of readdirSync(reportDir)) {
    try {
      print(summariseReport(join(reportDir, name)));
    } catch (error) {
      print(`  (report ${name} unreadable: ${error.message})`);
    }
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // The group is gone.
    }
  };
  signal('SIGTERM');
  const stopped = await Promise.race([
    exited.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), TERM_WAIT_MS)),
  ]);
  if (!stopped) signal('SIGKILL');
  // Whatever the stage started and left in the group (servers, a browser) goes too.
  signal('SIGKILL');
}

/**
 * Runs `pnpm exec vitest run …args` in a process group of its own, watched as said above.
 * Resolves with its exit code (null when stopped), how it ended, and its progress.
 */
export async function runWatchedVitest({
  args,
  budgetMs,
  exitGraceMs,
  cwd,
  env = {},
  stdio = 'inherit',
  print = console.log,
}) {
  const workDir = mkdtempSync(join(tmpdir(), 'carton-watch-'));
  const progressFile = join(workDir, 'progress.jsonl');
  const reportDir = join(workDir, 'reports');
  mkdirSync(reportDir); // Node writes no report into a folder that is not there.
  const reporter = new URL('./progress-reporter.mjs', import.meta.url).pathname;
  const nodeOptions = [
    process.env.NODE_OPTIONS,
    '--report-on-signal',
    `--report-directory=${reportDir}`,
  ]
    .filter(Boolean)
    .join(' ');
  // A Vitest run from inside another (this module's own test) must not take its worker's settings.
  const outer = Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'));
  const child = spawn('pnpm', ['exec', 'vitest', 'run', ...args, `--reporter=${reporter}`], {
    cwd,
    stdio,
    detached: true,
    env: {
      ...Object.fromEntries(outer),
      ...env,
      CARTON_VITEST_PROGRESS: progressFile,
      NODE_OPTIONS: nodeOptions,
    },
  });
  // `npm test` stopped from outside (CI's limit, Ctrl+C) stops the stage too: it has its own group.
  const stopGroup = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Gone.
    }
  };
  const onSignal = (signal) => {
    stopGroup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const started = Date.now();
  let exit = null;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    });
    child.once('error', (error) => {
      console.error(`✖ pnpm: ${error.message}`);
      exit = { code: 1, signal: null };
      resolve();
    });
  });

  let ending = 'exited';
  let allEndedAt = null;
  while (exit === null) {
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, POLL_MS))]);
    if (exit !== null) break;
    const progress = readProgress(progressFile);
    const planned = progress.planned;
    if (planned && planned.every((file) => progress.ended.has(file))) allEndedAt ??= Date.now();
    if (allEndedAt !== null && Date.now() - allEndedAt > exitGraceMs) {
      ending = 'wedged';
      print(
        `\n✖ Every file of this stage (${planned.length}) has reported its end, and Vitest has ` +
          `not exited ${Math.round(exitGraceMs / 1000)} s later. The files' own results count; ` +
          `Vitest is stopped.`,
      );
      await describeAndStop(child, reportDir, print);
      break;
    }
    if (Date.now() - started > budgetMs) {
      ending = 'overrun';
      const waiting = (planned ?? []).filter((file) => !progress.ended.has(file));
      print(
        `\n✖ This stage ran past its ${formatDuration(budgetMs)}. ` +
          `${waiting.length} file(s) never ended, each counted as a failure:`,
      );
      for (const file of waiting) print(`  ${file}`);
      await describeAndStop(child, reportDir, print);
      break;
    }
  }
  await exited;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  const progress = readProgress(progressFile);
  rmSync(workDir, { recursive: true, force: true });
  return { code: ending === 'exited' ? exit.code : null, ending, progress };
}
