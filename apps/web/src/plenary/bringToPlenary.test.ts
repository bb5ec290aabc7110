import {
  applyBoardTemplate,
  Board,
  initBoardDoc,
  localOrigin,
  SERVER_ORIGIN,
  type Shape,
} from '@carton/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bringToPlenary } from './bringToPlenary';

function territoryBoard(territory: string): Y.Doc {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: `Conditions de succès — ${territory}`, kind: 'territory' });
  applyBoardTemplate(new Board(doc), 'territory', { territory }, SERVER_ORIGIN);
  return doc;
}

function plenaryBoard(): Board {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Plénière', kind: 'plenary' });
  return new Board(doc);
}

const noUndo = { stopCapturing: () => {} };

describe('« Amener en plénière »', () => {
  it('copies a template carton unlocked at its top level, its locked headings kept locked', () => {
    const territory = territoryBoard('Témiscouata');
    const source = new Board(territory).listShapes();
    // The template locks the carton and its layout (M33, T1).
    const lockedCarton = source.find((s) => s.type === 'carton' && s.parentId === null);
    expect(lockedCarton?.locked).toBe(true);

    const plenary = plenaryBoard();
    const created = bringToPlenary(territory, plenary, localOrigin('animation'), noUndo);
    expect(created).toBe(source.length);

    const copies: Shape[] = plenary.listShapes();
    const topLevel = copies.filter((s) => s.parentId === null);
    expect(topLevel.length).toBeGreaterThan(0);
    expect(topLevel.filter((s) => s.locked === true)).toEqual([]);
    const lockedInside = copies.filter((s) => s.parentId !== null && s.locked === true);
    const lockedInSource = source.filter((s) => s.parentId !== null && s.locked === true);
    expect(lockedInside.length).toBe(lockedInSource.length);
    expect(lockedInside.length).toBeGreaterThan(0);
  });

  it('lets the facilitator move the brought carton like any unlocked one', () => {
    const plenary = plenaryBoard();
    bringToPlenary(territoryBoard('La Mitis'), plenary, localOrigin('animation'), noUndo);
    const carton = plenary.listShapes().find((s) => s.type === 'carton' && s.parentId === null)!;
    plenary.run((tx) => tx.update(carton.id, { x: carton.x + 500 }), localOrigin('animation'));
    expect(plenary.getShape(carton.id)?.x).toBe(carton.x + 500);
  });
});
