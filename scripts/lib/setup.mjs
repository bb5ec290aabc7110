// Brings a fresh machine up to what Carton needs, skipping whatever is already there.
// Node built-ins only: this runs before any dependency is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PNPM_VERSION = '12.4.2';
export const CHROMIUM = '/usr/bin/chromium';
/** The end-to-end tests' Chromium: the same build without the browser's UI (tests/support/browser.ts). */
export const CHROMIUM_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/** Each step's line says when it started (seconds since `npm test` began): CI's budget is time. */
export function log(message) {
  console.log(`\n▶ ${message} (at ${Math.round(process.uptime())} s)`);
}

/** Runs a command with inherited output; returns its exit code. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) {
    console.error(`✖ ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

/**
 * Runs a command with its output held back (stdout and stderr in the order written); resolves
 * with its exit code and that output, for commands run side by side whose logs must not mix.
 */
export function runHeld(command, args) {
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.once('error', (error) => {
      chunks.push(Buffer.from(`✖ ${command}: ${error.message}\n`));
    });
    child.once('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks) }));
  });
}

function must(command, args, options) {
  const code = run(command, args, options);
  if (code !== 0) {
    console.error(`✖ ${command} ${args.join(' ')} exited with ${code}`);
    process.exit(code);
  }
}

function output(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

export function ensurePnpm() {
  if (output('pnpm', ['--version']) === PNPM_VERSION) return;
  log(`Installing pnpm ${PNPM_VERSION}`);
  must('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]);
}

export function installDependencies() {
  log('Installing dependencies (pnpm install)');
  const env = { ...process.env };
  // better-sqlite3 compiles from source here; node-gyp must use the machine's Node headers.
  if (existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  const frozen = process.env.CI ? ['--frozen-lockfile'] : [];
  must('pnpm', ['install', ...frozen], { env });
}

/** Debian's PostgreSQL puts its programs here, outside PATH. */
export const POSTGRES_BIN_GLOB = '/usr/lib/postgresql';

function hasPostgres() {
  if (output('sh', ['-c', 'command -v initdb']) !== null) return true;
  const versions = output('ls', [POSTGRES_BIN_GLOB]);
  return (versions ?? '')
    .split('\n')
    .some((v) => v !== '' && existsSync(`${POSTGRES_BIN_GLOB}/${v}/bin/initdb`));
}

function hasCommand(name) {
  return output('sh', ['-c', `command -v ${name}`]) !== null;
}

function hasRedis() {
  return hasCommand('redis-server');
}

/**
 * What the tests run for real, from Debian's packages: Chromium (the end-to-end tests in its
 * headless shell, the benchmarks in the full browser), PostgreSQL and Redis (the several-relay
 * deployment's tests start their own servers on loopback), zip and Python (re-zipped archives).
 */
export function ensureSystemPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!existsSync(CHROMIUM_HEADLESS_SHELL)) missing.push('chromium-headless-shell');
  if (!hasPostgres()) missing.push('postgresql');
  if (!hasRedis()) missing.push('redis-server');
  // The archive's import tests zip Carton's export again as people's own tools do (Info-ZIP, Python).
  if (!hasCommand('zip')) missing.push('zip');
  if (!hasCommand('python3')) missing.push('python3');
  if (missing.length === 0) return;
  log(`Installing from Debian's packages: ${missing.join(', ')}`);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = asRoot ? [] : ['sudo'];
  const apt = (...args) =>
    must(prefix[0] ?? 'apt-get', prefix.length ? ['apt-get', ...args] : args);
  apt('update');
  apt('install', '-y', '--no-install-recommends', ...missing);
}

export function build() {
  log('Building the web client and the server');
  must('pnpm', ['run', 'build']);
}
