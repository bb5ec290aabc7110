// L4: the facilitator lost the forum's link the morning of the forum. The server's operator
// issues a new one with the command line while the server runs; the old one is refused, the
// printed board links keep working, and the facilitator page can replace them.
import { describe, expect, it } from 'vitest';
import type { CartonServer } from '../support/server.ts';
import { forumSuite, type CreatedForum } from './helpers.ts';
import { api, createSeedForum, SEED_TITLE } from './forum-support.ts';
import { carton, facilitatorLink } from '../support/cli.ts';

let server: CartonServer;
let forum: CreatedForum;
forumSuite(createSeedForum, (started, created) => {
  server = started;
  forum = created;
});

describe('a lost facilitator link', () => {
  it('L4: carton forums lists it; carton facilitator-link gives a new link that runs the forum', async () => {
    const listed = await carton(['forums', '--data', server.dataDir]);
    expect(listed.stdout).toContain(`${forum.forum.id}  2023-10-26  ${SEED_TITLE}`);

    const issued = await facilitatorLink(server.dataDir, forum.forum.id, server.url);
    const match = new RegExp(`${server.url}/f/${forum.forum.id}#token=([\\w-]{43})`).exec(
      issued.stdout,
    );
    expect(match).not.toBeNull();
    const token = match![1]!;
    expect(issued.stdout).toContain('L’ancien lien d’animation ne fonctionne plus');

    const old = await api(server, 'GET', `/api/forums/${forum.forum.id}`, forum.facilitator.token);
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('invalid_token');

    const page = await api(server, 'GET', `/api/forums/${forum.forum.id}`, token);
    expect(page.status).toBe(200);
    const board = forum.boards.find((b) => b.kind === 'territory')!;
    const listedBoard = page.body.boards.find((b: { id: string }) => b.id === board.id);
    expect(listedBoard.edit).toBeNull();

    // The printed link still opens its board; the new facilitator link replaces it (L2).
    expect((await api(server, 'GET', `/api/boards/${board.id}`, board.edit.token)).status).toBe(
      200,
    );
    const rotated = await api(
      server,
      'POST',
      `/api/forums/${forum.forum.id}/boards/${board.id}/links/edit/rotate`,
      token,
    );
    expect(rotated.status).toBe(200);
    const again = await api(server, 'GET', `/api/forums/${forum.forum.id}`, token);
    expect(again.body.boards.find((b: { id: string }) => b.id === board.id).edit.token).toBe(
      rotated.body.link.token,
    );
  });

  it('L4: an unknown forum is a plain refusal, in French, without the usage', async () => {
    const refused = await facilitatorLink(server.dataDir, 'nexistepas').catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 2 });
    // The command was typed right: one sentence that says what to do, not the whole usage.
    expect((refused as { stderr: string }).stderr).toMatch(
      /^carton: aucun forum nexistepas dans .* \(«\u00a0carton forums\u00a0» les liste\)\n$/,
    );
  });
});
