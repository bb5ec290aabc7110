import { describe, expect, it } from 'vitest';
import type { Shape, VoteState } from '@carton/board';
import { countsOnBoard, projectedVote, voteBadgesSvg, withBadges } from './voteSlides';

function vote(id: string, state: 'open' | 'closed', boardIds: string[], counts = {}): VoteState {
  return {
    id,
    title: 'Nos priorités',
    boardIds,
    dotsPerParticipant: 3,
    state,
    openedAt: 1,
    closedAt: state === 'closed' ? 2 : null,
    counts,
  } as unknown as VoteState;
}

describe('projectedVote', () => {
  it('shows the newest vote over the board only once it is closed', () => {
    const closed = vote('v1', 'closed', ['kam']);
    expect(projectedVote([closed], 'kam', false)).toBe(closed);
    expect(projectedVote([closed, vote('v2', 'open', ['kam'])], 'kam', false)).toBeNull();
    expect(projectedVote([closed], 'rdl', false)).toBeNull();
  });

  it('on the plenary, shows the forum’s newest closed vote even if it covers other boards', () => {
    const closed = vote('v1', 'closed', ['kam', 'rdl']);
    expect(projectedVote([closed], 'plen', true)).toBe(closed);
    expect(projectedVote([closed, vote('v2', 'open', ['kam'])], 'plen', true)).toBeNull();
  });
});

describe('vote badges on a slide', () => {
  const note = {
    id: 'n1',
    type: 'note',
    x: 100,
    y: 50,
    w: 200,
    h: 200,
    rotation: 0,
    text: 'Participation citoyenne',
  } as unknown as Shape;
  const other = { ...note, id: 'n2', x: 400 } as Shape;

  it('keeps only this board’s counts', () => {
    const counts = countsOnBoard(
      vote('v', 'closed', ['kam'], { 'kam/n1': 3, 'rdl/n1': 1, 'kam/n2': 0 }),
      'kam',
    );
    expect([...counts]).toEqual([['n1', 3]]);
  });

  it('draws a badge at a counted note’s top-right corner, before </svg>', () => {
    const badges = voteBadgesSvg([note, other], new Map([['n1', 3]]));
    expect(badges).toContain('data-count="3"');
    expect(badges).toContain('data-shape-id="n1"');
    expect(badges).not.toContain('data-shape-id="n2"');
    // Straddling the top-right corner as the board's own badge does (badgePlace), centred on
    // the top edge: 48 high, 4/28 of it in from the side (300 - 6.86).
    expect(badges).toContain('<text x="293.14" y="60"');
    const svg = withBadges('<svg viewBox="0 0 10 10"><g/></svg>', badges);
    expect(svg.endsWith(`${badges}</svg>`)).toBe(true);
    expect(withBadges('<svg></svg>', '')).toBe('<svg></svg>');
  });
});
