// R62: the command line on the server's PostgreSQL database (CARTON_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../forums/tokens.ts';
import { DatabaseUnavailableError, openPostgres } from '../postgres/database.ts';
import { PgForumStore } from '../postgres/pg-forum-store.ts';
import { startTestPostgres, type TestPostgres } from '../postgres/test-postgres.ts';
import { CliRefusal } from './language.ts';
import { runCli } from './cli.ts';

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(() => server.stop());

async function run(command: Parameters<typeof runCli>[0]): Promise<string> {
  let text = '';
  await runCli(command, (chunk) => (text += chunk));
  return text;
}

describe('carton on PostgreSQL', () => {
  it('R62: forums lists and facilitator-link replaces the link in the database', async () => {
    const database = await server.createDatabase();
    const where = new URL(database).host + new URL(database).pathname;
    expect(await run({ kind: 'forums', dataDir: '/nulle/part', database })).toBe(
      `Aucun forum dans ${where}\n`,
    );
    const pool = await openPostgres(database);
    try {
      const forums = new PgForumStore(pool);
      await forums.createForum(
        { id: 'bsl-2023', title: 'Forum de l’Alliance', createdAt: 1, date: '2023-10-26' },
        [],
        [{ hash: hashToken('ancien'), role: 'facilitator', forumId: 'bsl-2023', boardId: null }],
      );
      expect(await run({ kind: 'forums', dataDir: '/nulle/part', database })).toBe(
        'bsl-2023  2023-10-26  Forum de l’Alliance\n',
      );
      const issued = await run({
        kind: 'facilitator-link',
        dataDir: '/nulle/part',
        database,
        forumId: 'bsl-2023',
        publicUrl: 'http://salle.local',
      });
      const token = /#token=([\w-]{43})/.exec(issued)?.[1];
      expect(token).toBeDefined();
      expect(await forums.findGrant(hashToken('ancien'))).toBeNull();
      expect(await forums.findGrant(hashToken(token!))).toMatchObject({ role: 'facilitator' });
      await expect(
        run({
          kind: 'facilitator-link',
          dataDir: '/nulle/part',
          database,
          forumId: 'absent',
          publicUrl: 'http://salle.local',
        }),
      ).rejects.toThrow(
        new CliRefusal(`aucun forum absent dans ${where} («\u00a0carton forums\u00a0» les liste)`),
      );
    } finally {
      await pool.end();
    }
  });

  it('R62: an unreachable database is a plain refusal without the password', async () => {
    const database = `postgres://carton:motdepasse@127.0.0.1:${server.port + 1}/carton`;
    const failure = run({ kind: 'forums', dataDir: '/nulle/part', database });
    await expect(failure).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(failure).rejects.not.toThrow(/motdepasse/);
  });
});
