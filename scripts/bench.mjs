// `npm run bench`: installs what is missing, builds, then runs every benchmark and prints each
// figure beside its target: bench/relay (Carton against the reference y-websocket server),
// bench/wire, the crowded plenary, and bench/canvas, bench/export and bench/load if present. The load generator runs on
// core 1 (`taskset -c 1`); the servers it starts are pinned to core 0. The tables of the run are
// also written to bench/RESULTS.md. Benchmarks never run as part of `npm test`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { ensurePnpm, installDependencies, log, run } from './lib/setup.mjs';

ensurePnpm();
installDependencies();
// The relay benchmarks need the built server; only bench/canvas needs the built web client.
log('building the server');
if (run('pnpm', ['--filter', '@carton/server', 'run', 'build']) !== 0) process.exit(1);
log('building the web client (for bench/canvas)');
const webBuilt = run('pnpm', ['--filter', '@carton/web', 'run', 'build']) === 0;

const pinned = spawnSync('taskset', ['--version']).status === 0 && cpus().length >= 2;
if (!pinned) log('taskset (util-linux) or a second core is missing: running unpinned');

/** Runs a benchmark, echoing its output; resolves with its stdout. */
function bench(label, args, env = {}) {
  log(label);
  const [command, commandArgs] = pinned
    ? ['taskset', ['-c', '1', process.execPath, ...args]]
    : [process.execPath, args];
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => {
      if (code !== 0) console.error(`✖ ${label} exited with ${code}`);
      resolve(out);
    });
  });
}

const started = Date.now();
// Other work on the machine shows in every latency: the load average is printed with the results.
const loadBefore = loadavg()[0].toFixed(1);
const outputs = [];
outputs.push(
  await bench('bench/relay: Carton vs @y/websocket-server 0.1.1', ['bench/relay/run.mjs', 'relay']),
);
outputs.push(await bench('bench/wire', ['bench/relay/run.mjs', 'wire'], { BENCH_SKIP_BUILD: '1' }));
outputs.push(
  await bench('crowded plenary', ['bench/relay/run.mjs', 'plenary'], { BENCH_SKIP_BUILD: '1' }),
);
if (existsSync('bench/canvas/run.mjs') && !webBuilt) {
  log('bench/canvas skipped: the web client does not build');
} else if (existsSync('bench/canvas/run.mjs')) {
  outputs.push(await bench('bench/canvas', ['bench/canvas/run.mjs']));
}
if (existsSync('bench/export/run.mjs')) {
  outputs.push(await bench('bench/export', ['bench/export/run.mjs']));
}
// A board's first load on a phone over slow venue wifi (bytes, requests, time to the first frame).
if (existsSync('bench/load/run.mjs') && webBuilt) {
  outputs.push(await bench('bench/load', ['bench/load/run.mjs']));
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${loadBefore} before and ${loadavg()[0].toFixed(1)} after`;
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const tables = outputs
  .join('\n')
  .split('\n')
  .filter(
    (line) =>
      line.startsWith('|') ||
      /^(bench|Crowded|Canvas|Export|First load|board open|pan at)/.test(line),
  )
  .join('\n');
// The notes written by hand below the tables (what was tried, why a figure moved) outlive a run.
const previous = existsSync('bench/RESULTS.md') ? readFileSync('bench/RESULTS.md', 'utf8') : '';
const notesAt = previous.indexOf('\n## Notes');
const notes = notesAt >= 0 ? previous.slice(notesAt) : '';
writeFileSync(
  'bench/RESULTS.md',
  `# Latest benchmark run\n\n${new Date().toISOString()} — ${machine}, ${minutes} min\n\n${tables}\n${notes}`,
);
log(`benchmarks done in ${minutes} min (${machine}); tables in bench/RESULTS.md`);
