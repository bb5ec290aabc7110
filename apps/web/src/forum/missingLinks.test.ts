import { describe, expect, it } from 'vitest';
import { ApiError } from '../board/api';
import { testTranslator } from '../i18n/testTranslator';
import { hasFrenchTypography } from '../i18n/typography';
import type { FacilitatorBoard, Link } from './api';
import {
  createMissingLinks,
  linkKey,
  missingLinks,
  outcomeText,
  stopsTheRun,
  type MissingLink,
} from './missingLinks';

const link = (token: string): Link => ({
  token,
  url: `http://192.168.0.10:8787/b/x#token=${token}`,
});
const board = (
  id: string,
  territory: string | null,
  edit: Link | null,
  view: Link | null,
): FacilitatorBoard => ({
  id,
  kind: territory ? 'territory' : 'plenary',
  title: territory ? `Conditions de succès — ${territory}` : 'Plénière',
  territory,
  edit,
  view,
});

// L4: the forum's link replaced with `carton facilitator-link`; one board added since (its
// links sealed under the new facilitator link), one link replaced by hand already.
const BOARDS = [
  board('plen', null, null, null),
  board('kam', 'Kamouraska', null, link('kam-view')),
  board('rdl', 'Rivière-du-Loup', link('rdl-edit'), link('rdl-view')),
  board('bas', 'Les Basques', null, null),
];

describe('missing links', () => {
  it('are every link the page shows no code for, board by board, participation first', () => {
    expect(missingLinks(BOARDS)).toEqual([
      { boardId: 'plen', role: 'edit' },
      { boardId: 'plen', role: 'view' },
      { boardId: 'kam', role: 'edit' },
      { boardId: 'bas', role: 'edit' },
      { boardId: 'bas', role: 'view' },
    ]);
  });

  it('leave out the links created on the page, even before the page’s state has them', () => {
    const created = new Map([
      [linkKey('plen', 'edit'), link('new-1')],
      [linkKey('bas', 'view'), link('new-2')],
    ]);
    expect(missingLinks(BOARDS, created)).toEqual([
      { boardId: 'plen', role: 'view' },
      { boardId: 'kam', role: 'edit' },
      { boardId: 'bas', role: 'edit' },
    ]);
    expect(missingLinks([BOARDS[2]!])).toEqual([]);
  });
});

describe('creating the missing links', () => {
  const LINKS: MissingLink[] = missingLinks(BOARDS);

  it('creates them one at a time and says each one as it comes', async () => {
    let inFlight = 0;
    let most = 0;
    const made: string[] = [];
    const progress: number[] = [];
    const outcome = await createMissingLinks(LINKS, {
      rotate: async ({ boardId, role }) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await Promise.resolve();
        inFlight -= 1;
        return link(`${boardId}-${role}-new`);
      },
      onCreated: (missing, created) =>
        made.push(`${linkKey(missing.boardId, missing.role)}=${created.token}`),
      onProgress: (done) => progress.push(done),
    });
    expect(outcome).toEqual({ created: 5, failed: 0, gone: 0, stoppedBy: null });
    expect(most).toBe(1);
    expect(made).toEqual([
      'plen/edit=plen-edit-new',
      'plen/view=plen-view-new',
      'kam/edit=kam-edit-new',
      'bas/edit=bas-edit-new',
      'bas/view=bas-view-new',
    ]);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('goes on past a link refused on its own (storage busy, a board removed meanwhile)', async () => {
    const made: string[] = [];
    const gone: string[] = [];
    const outcome = await createMissingLinks(LINKS, {
      rotate: async ({ boardId, role }) => {
        if (boardId === 'kam') throw new ApiError(404, 'board_not_found', 'No such board.');
        if (boardId === 'bas' && role === 'view')
          throw new ApiError(503, 'storage_unavailable', 'busy');
        if (boardId === 'plen' && role === 'view') throw new ApiError(500, 'internal_error', '');
        return link(`${boardId}-${role}`);
      },
      onCreated: ({ boardId, role }) => made.push(linkKey(boardId, role)),
      onGone: ({ boardId, role }) => gone.push(linkKey(boardId, role)),
    });
    // The removed board's link is not one to try again: only the two refused ones are.
    expect(outcome).toEqual({ created: 2, failed: 2, gone: 1, stoppedBy: null });
    expect(made).toEqual(['plen/edit', 'bas/edit']);
    expect(gone).toEqual(['kam/edit']);
  });

  it('stops at a refused facilitator link, a rate limit or a silent server', async () => {
    for (const error of [
      new ApiError(401, 'invalid_token', 'Unknown token.'),
      new ApiError(429, 'too_many_requests', 'Slow down.'),
      new ApiError(0, 'network', 'Failed to fetch'),
    ]) {
      let asked = 0;
      const outcome = await createMissingLinks(LINKS, {
        rotate: async ({ boardId, role }) => {
          asked += 1;
          if (asked === 3) throw error;
          return link(`${boardId}-${role}`);
        },
        onCreated: () => {},
      });
      expect(asked).toBe(3);
      expect(outcome).toEqual({ created: 2, failed: 3, gone: 0, stoppedBy: error });
    }
    expect(stopsTheRun(new ApiError(404, 'board_not_found', ''))).toBe(false);
    expect(stopsTheRun(new TypeError('Failed to fetch'))).toBe(true);
  });
});

describe('the outcome in plain words', () => {
  it('says in French how many were created and how many to try again', async () => {
    const fr = await testTranslator('fr-CA');
    const partial = outcomeText({ created: 14, failed: 2, gone: 0, stoppedBy: null }, fr);
    expect(partial).toBe('14 liens créés\u202F; 2 n’ont pas pu l’être\u00A0: réessayez.');
    expect(outcomeText({ created: 15, failed: 1, gone: 0, stoppedBy: null }, fr)).toBe(
      '15 liens créés\u202F; 1 n’a pas pu l’être\u00A0: réessayez.',
    );
    expect(outcomeText({ created: 1, failed: 3, gone: 0, stoppedBy: null }, fr)).toBe(
      '1 lien créé\u202F; 3 n’ont pas pu l’être\u00A0: réessayez.',
    );
    expect(outcomeText({ created: 16, failed: 0, gone: 0, stoppedBy: null }, fr)).toMatch(
      /^16 liens créés\. /,
    );
    expect(outcomeText({ created: 0, failed: 16, gone: 0, stoppedBy: null }, fr)).toContain(
      'réessayez',
    );
    for (const [created, failed] of [
      [14, 2],
      [1, 0],
      [0, 1],
      [0, 5],
    ] as const) {
      const text = outcomeText({ created, failed, gone: 0, stoppedBy: null }, fr);
      expect(text).not.toMatch(/missingLinks|\{\{/);
      expect(hasFrenchTypography(text)).toBe(true);
    }
  });

  it('has its English words too', async () => {
    const en = await testTranslator('en');
    expect(outcomeText({ created: 14, failed: 2, gone: 0, stoppedBy: null }, en)).toBe(
      '14 links created, 2 failed: try again.',
    );
    expect(outcomeText({ created: 1, failed: 0, gone: 0, stoppedBy: null }, en)).toMatch(
      /^1 link created/,
    );
  });
});
