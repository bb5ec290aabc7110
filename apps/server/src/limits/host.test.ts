import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { createHostCheck, hostName } from './host.ts';

function recordingLog() {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger('debug', (line) => lines.push(JSON.parse(line)));
  return { log, lines };
}

// R33b: DNS rebinding — only the server's own names are answered.
describe('createHostCheck', () => {
  const { log, lines } = recordingLog();
  const allowed = createHostCheck({
    publicUrl: 'https://Carton.Example.org',
    allowedHosts: ['salle-b.example'],
    log,
  });

  it('answers its addresses, localhost, .local names and the configured names', () => {
    for (const host of [
      '192.168.1.10:8787',
      '127.0.0.1',
      '[::1]:8787',
      '[2001:db8::10]',
      'localhost:8787',
      'LOCALHOST',
      'carton.localhost:8787',
      'portable-salle.local:8787',
      'portable-salle:8787',
      'PORTABLE-SALLE.',
      'carton.example.org',
      'carton.example.org.:443',
      'salle-b.example:8787',
      undefined,
    ]) {
      expect(allowed(host), String(host)).toBe(true);
    }
  });

  it('refuses any other name, said once per name without the path', () => {
    for (const host of [
      'rebind.evil.example:8787',
      'example.org',
      'localhost.evil.example',
      '.local',
      '192.168.1.10.nip.io:8787',
      '::1',
      '[::1',
    ]) {
      expect(allowed(host), host).toBe(false);
    }
    expect(allowed('rebind.evil.example')).toBe(false);
    const said = lines.filter((line) => line.event === 'host_not_allowed');
    expect(said.map((line) => line.host)).toEqual([
      'rebind.evil.example',
      'example.org',
      'localhost.evil.example',
      '.local',
      '192.168.1.10.nip.io',
      '::1',
      '[::1',
    ]);
  });
});

describe('hostName', () => {
  it('reads the name of a Host header', () => {
    expect(hostName('Carton.Example.org.:8787')).toBe('carton.example.org');
    expect(hostName('[::1]:8787')).toBe('::1');
    expect(hostName('a:b:c')).toBeNull();
    expect(hostName(':8787')).toBeNull();
  });
});
