// `npm start`: installs what is missing, builds, and runs Carton on http://localhost:8787
// with its SQLite file under ./data.
import { spawn } from 'node:child_process';
import { build, ensurePnpm, installDependencies } from './lib/setup.mjs';

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
