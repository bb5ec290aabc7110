import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8787);
    expect(config.host).toBe('localhost');
    expect(config.dataDir).toBe(resolve('./data'));
    expect(config.publicUrl).toBeNull();
    expect(config.limits.maxMessageBytes).toBe(8 * 1024 * 1024 + 64 * 1024);
    expect(config.limits.maxSyncBytes).toBe(8 * 1024 * 1024);
    expect(config.limits.maxUpdateBytes).toBe(1024 * 1024);
    expect(config.limits.awarenessPerSecond).toBe(20);
    expect(config.limits.maxImageBytes).toBe(10 * 1024 * 1024);
    expect(config.allowedOrigins).toEqual([]);
    expect(config.allowedHosts).toEqual([]);
  });

  it('caps a forum archive’s board PNGs at 64 Mpx, or fewer where the server says so', () => {
    expect(loadConfig({}).archivePngMaxPixels).toBe(64_000_000);
    expect(loadConfig({ CARTON_ARCHIVE_PNG_MAX_PIXELS: '500000' }).archivePngMaxPixels).toBe(
      500_000,
    );
    // The cap keeps a huge board from taking the server's memory: never raised past it.
    expect(() => loadConfig({ CARTON_ARCHIVE_PNG_MAX_PIXELS: '100000000' })).toThrow(ConfigError);
  });

  it('R66: another process’s unrenewed presence lasts 30 s, or less where the server says so', () => {
    expect(loadConfig({}).clusterPresenceTimeoutMs).toBe(30_000);
    expect(
      loadConfig({ CARTON_CLUSTER_PRESENCE_TIMEOUT_MS: '6000' }).clusterPresenceTimeoutMs,
    ).toBe(6_000);
    expect(() => loadConfig({ CARTON_CLUSTER_PRESENCE_TIMEOUT_MS: '10' })).toThrow(ConfigError);
  });

  it('reads the allowed host names (R33b)', () => {
    const config = loadConfig({ CARTON_ALLOWED_HOSTS: ' Carton.Example.org., salle-b.example ' });
    expect(config.allowedHosts).toEqual(['carton.example.org', 'salle-b.example']);
  });

  it('reads the limits and the allowed origins', () => {
    const config = loadConfig({
      CARTON_UPDATES_PER_SECOND: '5',
      CARTON_MAX_BOARD_BYTES: '65536',
      CARTON_ALLOWED_ORIGINS: 'https://alliance.example/, http://10.0.0.2:8080',
    });
    expect(config.limits.updatesPerSecond).toBe(5);
    expect(config.limits.maxBoardBytes).toBe(65_536);
    expect(config.allowedOrigins).toEqual(['https://alliance.example', 'http://10.0.0.2:8080']);
  });

  it('reads the environment, treating empty strings as unset', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      CARTON_PUBLIC_URL: 'http://192.168.1.10:8787/',
      CARTON_DATA_DIR: '/tmp/carton',
      CARTON_MAX_MESSAGE_BYTES: '4096',
      CARTON_ROOM_UNLOAD_MS: '',
    });
    expect(config.port).toBe(0);
    expect(config.host).toBe('0.0.0.0');
    expect(config.publicUrl).toBe('http://192.168.1.10:8787');
    expect(config.dataDir).toBe('/tmp/carton');
    expect(config.limits.maxMessageBytes).toBe(4096);
    expect(config.rooms.unloadMs).toBe(30_000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['CARTON_MAX_MESSAGE_BYTES', '10'],
    ['CARTON_LOG_LEVEL', 'loud'],
    ['CARTON_PUBLIC_URL', 'ftp://example'],
    ['CARTON_ALLOWED_ORIGINS', 'not a url'],
    ['CARTON_ALLOWED_HOSTS', 'https://carton.example.org'],
    ['CARTON_ALLOWED_HOSTS', 'carton.example.org:8787'],
    ['CARTON_AWARENESS_PER_SECOND', '0'],
    ['CARTON_PUBLIC_URL', 'http://192.168.1.20:8787/carton'],
  ])('refuses %s=%s with a clear error', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(key);
  });

  it('says what a refused value must be, in words, with the value as typed', () => {
    const message = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(message({ PORT: 'abc' })).toBe(
      'Invalid configuration: PORT=abc: must be a whole number from 0 to 65535 ' +
        '(every variable: apps/server/SPEC.md, Configuration)',
    );
    expect(message({ CARTON_MAX_BOARD_BYTES: '64MB' })).toMatch(
      /CARTON_MAX_BOARD_BYTES=64MB: must be a whole number from 1024 to \d+ /,
    );
    expect(message({ CARTON_PUBLIC_URL: 'http://192.168.1.20:8787/carton' })).toMatch(
      /CARTON_PUBLIC_URL=http:\/\/192\.168\.1\.20:8787\/carton: must be the address only, without a path/,
    );
    expect(message({ CARTON_PUBLIC_URL: '192.168.1.20:8787' })).toMatch(
      /CARTON_PUBLIC_URL=192\.168\.1\.20:8787: must be an http:\/\/ or https:\/\/ address/,
    );
    // A URL that may hold a password is named, never repeated.
    const refused = message({ CARTON_DATABASE_URL: 'mysql://carton:s3cret@db/carton' });
    expect(refused).toMatch(/CARTON_DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(refused).not.toMatch(/s3cret/);
  });
});
