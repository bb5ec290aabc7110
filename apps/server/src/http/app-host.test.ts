import { describe, expect, it } from 'vitest';
import { createHostCheck } from '../limits/host.ts';
import { createOriginCheck } from '../limits/origin.ts';
import { PreAuthBudget } from '../limits/pre-auth.ts';
import { createLogger } from '../log.ts';
import { createApp, type AppDeps } from './app.ts';

// R33b at the app: a Host that does not name the server is refused before any route.
describe('the app behind a rebound name', () => {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger('info', (line) => lines.push(JSON.parse(line)));
  const unused = {} as never;
  const app = createApp({
    forums: unused,
    boards: unused,
    relay: unused,
    blobs: unused,
    smallImages: unused,
    votes: unused,
    log,
    publicUrl: 'http://192.168.1.10:8787',
    webDir: '/nonexistent',
    maxBodyBytes: 64 * 1024,
    maxImageBytes: 1024,
    maxForumImageBytes: 1024,
    boardBytes: { max: 1024, stored: () => 0 },
    preAuth: new PreAuthBudget({
      maxConnectionsPerIp: 10,
      upgradesPerSecondPerIp: 10,
      upgradeBurstPerIp: 10,
      badTokensPerMinutePerIp: 10,
      badTokenBurstPerIp: 10,
      forumsPerHourPerIp: 10,
      forumBurstPerIp: 10,
    }),
    originAllowed: createOriginCheck({ publicUrl: null, allowedOrigins: [] }),
    hostAllowed: createHostCheck({ publicUrl: null, allowedHosts: ['carton.example.org'], log }),
  } satisfies AppDeps);

  it('refuses every request to another name with a JSON 421, said once', async () => {
    const host = 'rebind.evil.example:8787';
    const page = await app.request('/', { headers: { Host: host } });
    expect(page.status).toBe(421);
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(await page.json()).toEqual({
      error: { code: 'host_not_allowed', message: expect.stringContaining('CARTON_ALLOWED_HOSTS') },
    });
    // A person who typed the name in a browser reads what to do, in French first.
    const typed = await app.request('/b/abc', { headers: { Host: host, Accept: 'text/html' } });
    expect(typed.status).toBe(421);
    expect(typed.headers.get('Content-Type')).toContain('text/html');
    const text = await typed.text();
    expect(text).toContain('Carton ne répond pas à ce nom');
    expect(text).toContain('CARTON_ALLOWED_HOSTS');
    // Origin and Host agree on a rebound name: the Origin check alone let this through.
    const post = await app.request('/api/forums', {
      method: 'POST',
      headers: { Host: host, Origin: `http://${host}`, 'Content-Type': 'text/plain' },
      body: '{"title":"x"}',
    });
    expect(post.status).toBe(421);
    expect(lines.filter((line) => line.event === 'host_not_allowed')).toEqual([
      expect.objectContaining({ level: 'warn', host: 'rebind.evil.example' }),
    ]);
  });

  it('answers its address, localhost and the allowed names', async () => {
    for (const host of ['192.168.1.10:8787', 'localhost:8787', 'carton.example.org']) {
      const response = await app.request('/healthz', { headers: { Host: host } });
      expect(response.status, host).toBe(200);
    }
  });
});
