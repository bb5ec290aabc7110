// `npm start`: installs what is missing, builds, and runs Carton on http://localhost:8787
// with its SQLite file under ./data.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { build, ensurePnpm, installDependencies } from './lib/setup.mjs';

/** Whether something already answers on the port Carton is about to take. */
function taken(port, host) {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const answer = (value) => {
      socket.destroy();
      resolve(value);
    };
    socket.once('connect', () => answer(true));
    socket.once('error', () => answer(false));
    socket.setTimeout(2_000, () => answer(false));
  });
}

// Before installing and building: a Carton still running (a second `npm start`, an update
// started over a running one) would have its files rebuilt under it, then this one fail.
const port = Number(process.env.PORT || 8787);
const host =
  process.env.HOST && !['0.0.0.0', '::'].includes(process.env.HOST)
    ? process.env.HOST
    : 'localhost';
if (Number.isInteger(port) && port > 0 && (await taken(port, host))) {
  console.error(
    `Port ${port} is already taken: is Carton still running? Stop it first (Ctrl+C in its ` +
      `window), or start on another port: PORT=${port === 65_535 ? 8788 : port + 1} npm start`,
  );
  process.exit(1);
}

ensurePnpm();
installDependencies();
build();

const server = spawn(process.execPath, ['apps/server/dist/main.js'], {
  stdio: 'inherit',
  env: { PORT: '8787', CARTON_DATA_DIR: './data', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code) => process.exit(code ?? 0));
