// R32: an address past its upgrade budget gets 429 for every attempt, but the log says so once
// while it stays throttled: a script opening hundreds of sockets wrote one `upgrade_throttled`
// line per attempt. A real server on port 0 with its SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { startServer, type RunningServer } from './server.ts';
import { refusedUpgradeFrom } from './test-upgrade.ts';

let dir: string;
let server: RunningServer;
const events: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carton-upgrade-throttle-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CARTON_DATA_DIR: dir,
    CARTON_UPGRADES_PER_SECOND_PER_IP: '1',
    CARTON_UPGRADE_BURST_PER_IP: '2',
  });
  const log = createLogger('debug', (line) => {
    events.push((JSON.parse(line) as { event: string }).event);
  });
  server = await startServer(config, log);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('R32: throttled upgrades in the log', () => {
  it('every attempt past the budget is refused with 429, and logged once for the address', async () => {
    const url = `${server.url.replace('http', 'ws')}/sync/no-such-board`;
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await refusedUpgradeFrom(url)).status);
    const throttled = statuses.filter((status) => status === 429).length;
    // The burst of 2 (and a token refilled now and then on a slow machine) went through.
    expect(throttled).toBeGreaterThanOrEqual(20);
    // The others were looked at: no token (401).
    expect(statuses.filter((status) => status !== 429).every((status) => status === 401)).toBe(
      true,
    );
    expect(events.filter((event) => event === 'upgrade_throttled')).toHaveLength(1);
  });
});
