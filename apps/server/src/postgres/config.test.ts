import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

describe('R59 configuration', () => {
  it('uses the SQLite file unless CARTON_DATABASE_URL is set', () => {
    expect(loadConfig({}).database).toBeNull();
    expect(loadConfig({ CARTON_DATABASE_URL: '  ' }).database).toBeNull();
  });

  it('reads the URL, the pool size (default 10) and the statement timeout (default 15 s)', () => {
    const url = 'postgres://carton:secret@db.internal:5432/carton';
    expect(loadConfig({ CARTON_DATABASE_URL: url }).database).toEqual({
      url,
      poolSize: 10,
      statementTimeoutMs: 15_000,
    });
    expect(
      loadConfig({
        CARTON_DATABASE_URL: 'postgresql://db/carton',
        CARTON_DATABASE_POOL: '4',
        CARTON_DATABASE_STATEMENT_TIMEOUT_MS: '2500',
      }).database,
    ).toEqual({ url: 'postgresql://db/carton', poolSize: 4, statementTimeoutMs: 2_500 });
  });

  it('refuses another scheme or a bad pool size without echoing the URL', () => {
    const run = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return error;
      }
      return null;
    };
    const wrong = run({ CARTON_DATABASE_URL: 'mysql://carton:secret@db/carton' });
    expect(wrong).toBeInstanceOf(ConfigError);
    expect((wrong as Error).message).toContain('CARTON_DATABASE_URL');
    expect((wrong as Error).message).not.toContain('secret');
    expect(
      run({ CARTON_DATABASE_URL: 'postgres://db/c', CARTON_DATABASE_POOL: '0' }),
    ).toBeInstanceOf(ConfigError);
    expect(
      run({ CARTON_DATABASE_URL: 'postgres://db/c', CARTON_DATABASE_STATEMENT_TIMEOUT_MS: '0' }),
    ).toBeInstanceOf(ConfigError);
  });
});
