import { BoardFileError } from '@carton/board';
import { describe, expect, it } from 'vitest';
import { readNewBoardFile } from './newBoardFile';

const note = {
  id: 'shape:note00000000000000000001',
  type: 'note',
  x: 40,
  y: 120,
  rotation: 0,
  index: 'a1',
  parentId: null,
  text: 'Pouvoir développer de manière collective',
  color: 'green',
  w: 200,
  h: 200,
};
const file = (meta: Record<string, unknown>, shapes: unknown[] = [note]) =>
  new File(
    [
      JSON.stringify({
        format: 'carton-board',
        version: 1,
        meta: { schemaVersion: 1, ...meta },
        shapes,
      }),
    ],
    'conditions-de-succes-la-mitis-2026-11-26.json',
    { type: 'application/json' },
  );

describe('readNewBoardFile (R54, checked before anything is sent)', () => {
  it('takes the territory from a territory board’s export, never from another title', async () => {
    const mitis = await readNewBoardFile(
      file({ title: 'Conditions de succès — La Mitis', kind: 'territory' }),
    );
    expect(mitis.territory).toBe('La Mitis');
    const other = await readNewBoardFile(file({ title: 'Mon carton', kind: 'territory' }));
    expect(other.territory).toBe(null);
    const wall = await readNewBoardFile(
      file({ title: 'Conditions de succès — La Mitis', kind: 'postcards' }),
    );
    expect(wall.territory).toBe(null);
  });

  it('takes the title and kind from the file’s meta', async () => {
    const draft = await readNewBoardFile(
      file({ title: 'Conditions de succès — La Mitis', kind: 'territory' }),
    );
    expect(draft).toMatchObject({
      title: 'Conditions de succès — La Mitis',
      kind: 'territory',
      shapes: 1,
    });
    const wall = await readNewBoardFile(file({ title: 'Cartes postales', kind: 'postcards' }));
    expect(wall.kind).toBe('postcards');
  });

  it('names the file when its meta has no title, and makes a plenary a territory board', async () => {
    const draft = await readNewBoardFile(file({ title: '  ', kind: 'plenary' }));
    expect(draft).toMatchObject({
      title: 'conditions-de-succes-la-mitis-2026-11-26',
      kind: 'territory',
    });
  });

  it('refuses an invalid file with the codec’s code and path', async () => {
    const bad = file({ title: 'La Mitis', kind: 'territory' }, [{ ...note, x: 'loin' }]);
    const error = await readNewBoardFile(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoardFileError);
    expect((error as BoardFileError).issues[0]).toMatchObject({
      code: 'invalid_value',
      path: 'shapes[0].x',
    });
  });
});
