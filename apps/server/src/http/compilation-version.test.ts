// C6: the compilation's answer says its version (`updatedAt`, the forum room's compiledAt), so
// the forum page knows the room's word on its own change for the change it holds already and
// reads the list again only for another facilitator's. Each PUT sets a version past the one
// before, even several within one millisecond: two facilitators' changes never share one.
// A real server on port 0 with its SQLite file.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLoggedServer, type LoggedServer } from '../testing/logged-server.ts';

let running: LoggedServer;
let compilation: string;
let token: string;

const send = async (method: string, body?: unknown) => {
  const response = await fetch(compilation, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { updatedAt: number | null }).updatedAt;
};

beforeAll(async () => {
  running = await startLoggedServer('compilation-version');
  const created = await fetch(`${running.server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Forum du Témiscouata', territories: ['Témiscouata'] }),
  });
  const forum = (await created.json()) as { forum: { id: string }; facilitator: { token: string } };
  compilation = `${running.server.url}/api/forums/${forum.forum.id}/compilation`;
  token = forum.facilitator.token;
});
afterAll(() => running.close());

describe('C6: the compilation’s version', () => {
  it('is null before any change, then each PUT’s answer a newer one that GET repeats', async () => {
    expect(await send('GET')).toBeNull();
    const first = (await send('PUT', { setAside: { première: true } }))!;
    expect(first).toBeGreaterThan(0);
    // Within one millisecond (the server's clock held still), or behind a slower clock: each
    // its own version still.
    const now = vi.spyOn(Date, 'now').mockReturnValue(first - 5);
    const versions: Array<number | null> = [];
    try {
      for (let n = 0; n < 4; n += 1) {
        versions.push(await send('PUT', { setAside: { [`idée ${n}`]: true } }));
      }
    } finally {
      now.mockRestore();
    }
    expect(new Set(versions).size).toBe(versions.length);
    expect(Math.min(...(versions as number[]))).toBeGreaterThan(first);
    expect(await send('GET')).toBe(Math.max(...(versions as number[])));
  });
});
