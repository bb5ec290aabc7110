// Test support (unit tests here, cross-process tests in tests/ through tests/support/redis.ts):
// a real redis-server on a free loopback port, nothing saved, awaited on its ready line (no
// polling), and a minimal RESP client for the few commands tests send (CLIENT PAUSE…).
// Node built-ins only, so tests/ can use it without the server's dependencies.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from '../testing/free-port.ts';

export { freePort };

const READY_LINE = /Ready to accept connections/;

export interface TestRedis {
  readonly port: number;
  /** `redis://[:password@]127.0.0.1:PORT` */
  readonly url: string;
  /** Everything redis-server printed, all runs. */
  output(): string;
  /** Stops the server (SIGKILL by default: a crash) and waits for its exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port, empty (nothing is saved). */
  restart(): Promise<void>;
  /** Sends one command and resolves with the first line of the reply. */
  command(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export async function startRedis(
  options: { password?: string; timeoutMs?: number; port?: number } = {},
): Promise<TestRedis> {
  const port = options.port ?? (await freePort());
  const timeoutMs = options.timeoutMs ?? 10_000;
  let output = '';
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const args = [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
      ];
      if (options.password) args.push('--requirepass', options.password);
      const proc = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      exited = new Promise((done) => proc.once('exit', () => done()));
      const runStart = output.length;
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`redis-server not ready after ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (READY_LINE.test(output.slice(runStart))) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code ?? signal}) before ready:\n${output}`));
      });
    });

  await launch();

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const proc = child as ChildProcess | null;
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    await exited;
  };

  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  return {
    port,
    url: `redis://${auth}127.0.0.1:${port}`,
    output: () => output,
    kill,
    async restart() {
      await kill();
      output += '\n--- restart ---\n';
      await launch();
    },
    command: (...args) => sendCommand(port, options.password ?? null, args),
    stop: () => kill('SIGKILL'),
  };
}

/** RESP over a fresh socket: AUTH if needed, the command, the first line of its reply. */
function sendCommand(port: number, password: string | null, args: string[]): Promise<string> {
  const encode = (parts: string[]) =>
    `*${parts.length}\r\n` +
    parts.map((part) => `$${Buffer.byteLength(part)}\r\n${part}\r\n`).join('');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let replies = '';
    const expected = password ? 2 : 1;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no reply to ${args[0]}`));
    }, 5_000);
    socket.on('data', (chunk) => {
      replies += chunk.toString('utf8');
      const lines = replies.split('\r\n');
      if (lines.length <= expected) return;
      clearTimeout(timer);
      socket.end();
      const reply = lines[expected - 1]!;
      if (reply.startsWith('-')) reject(new Error(reply.slice(1)));
      else resolve(reply);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.write((password ? encode(['AUTH', password]) : '') + encode(args));
  });
}
