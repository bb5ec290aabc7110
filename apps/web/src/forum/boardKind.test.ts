import { describe, expect, it } from 'vitest';
import { boardKindLabel, isTerritoryBoard } from './boardKind';
import { compiledByDefault } from './compilationChoice';

describe('a board without a territory is « Autre tableau », not a territory', () => {
  const kamouraska = { kind: 'territory', territory: 'Kamouraska' } as const;
  const other = { kind: 'territory', territory: null } as const;
  const postcards = { kind: 'postcards', territory: null } as const;
  const plenary = { kind: 'plenary', territory: null } as const;

  it('names its kind', () => {
    expect([kamouraska, other, postcards, plenary].map(boardKindLabel)).toEqual([
      'territory',
      'other',
      'postcards',
      'plenary',
    ]);
  });

  it('is neither a territory nor compiled by default', () => {
    expect([kamouraska, other, postcards, plenary].map(isTerritoryBoard)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    const board = (b: typeof other | typeof kamouraska | typeof postcards | typeof plenary) => ({
      id: 'b',
      title: 'Conditions de succès — Kamouraska',
      ...b,
    });
    expect([kamouraska, other, postcards, plenary].map((b) => compiledByDefault(board(b)))).toEqual(
      [true, false, true, false],
    );
  });
});
