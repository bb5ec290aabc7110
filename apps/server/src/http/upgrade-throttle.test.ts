// R32: an address past its upgrade budget gets 429 for every attempt, but the log says so once
// while it stays throttled: a script opening hundreds of sockets wrote one `upgrade_throttled`
// line per attempt. A real server on port 0 with its SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedServer, type LoggedServer } from '../testing/logged-server.ts';
import type { RunningServer } from './server.ts';
import { refusedUpgradeFrom } from './test-upgrade.ts';

let running: LoggedServer;
let server: RunningServer;
/** The events the server logged, in order. */
const events = () => running.records.map((record) => record.event);

beforeAll(async () => {
  running = await startLoggedServer('upgrade-throttle', {
    CARTON_UPGRADES_PER_SECOND_PER_IP: '1',
    CARTON_UPGRADE_BURST_PER_IP: '2',
  });
  server = running.server;
});
afterAll(() => running.close());

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
    expect(events().filter((event) => event === 'upgrade_throttled')).toHaveLength(1);
  });
});
