import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../test/prng.ts';
import { generateBoardFile } from '../test/generated-file.ts';
import { hostileFile } from '../test/hostile-file.ts';
import { BOARD_FILE_ISSUE_CODES, BoardFileError } from './errors.ts';
import { exportBoard } from './export.ts';
import { serializeBoardFile } from './file.ts';
import { importBoard, parseBoardFile, parseBoardFileText } from './import.ts';

const SEEDS = 400;

function throughUpdate(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('M16, M30 property: a hostile file is refused with a code, or imported whole', () => {
  it(`M30: ${SEEDS} mutated generated files`, () => {
    const refused = new Map<string, number>();
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rng = createRng(seed);
      const valid = serializeBoardFile(generateBoardFile(rng, { maxShapes: 12 }));
      const hostile = hostileFile(rng, valid);
      const context = `hostile file seed=${seed}: ${hostile.what}`;
      let doc: Y.Doc;
      try {
        const parsed = parseBoardFileText(hostile.text);
        parseBoardFile(parsed);
        doc = importBoard(parsed);
      } catch (error) {
        if (!(error instanceof BoardFileError)) {
          throw new Error(`${context}: ${String(error)}`, { cause: error });
        }
        expect(BOARD_FILE_ISSUE_CODES, context).toContain(error.code);
        refused.set(error.code, (refused.get(error.code) ?? 0) + 1);
        continue;
      }
      // Accepted: what the board holds is what any process reads back, and exports again.
      const first = exportBoard(doc);
      const stored = exportBoard(throughUpdate(doc));
      expect(stored, context).toEqual(first);
      const again = exportBoard(importBoard(parseBoardFileText(serializeBoardFile(first))));
      expect(again, context).toEqual(first);
    }
    // The mutations reach every kind of refusal a file can earn without its images.
    expect([...refused.keys()].sort()).toEqual(
      expect.arrayContaining([
        'bad_reference',
        'duplicate_id',
        'invalid_value',
        'not_json',
        'wrong_format',
      ]),
    );
  });
});

describe('M17, M30: what a newer type’s record may hold', () => {
  const file = (value: string) =>
    `{"format":"carton-board","version":2,"meta":{"schemaVersion":1,"title":"Kamouraska","kind":"territory"},"shapes":[{"id":"shape:stickerstickersticker1","type":"sticker","index":"a0","v":${value}}]}`;
  const refusal = (text: string) => {
    try {
      importBoard(parseBoardFileText(text));
    } catch (error) {
      return error instanceof BoardFileError ? error.issues[0] : error;
    }
    return null;
  };

  it('M30: values nested 3 000 deep are invalid_value, not a stack overflow', () => {
    for (const nest of [
      '['.repeat(3000) + ']'.repeat(3000),
      '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
    ]) {
      expect(refusal(file(nest))).toMatchObject({
        code: 'invalid_value',
        message: 'nested more than 64 levels deep',
      });
    }
    // As deep as a newer client's props plausibly go: kept.
    expect(refusal(file('['.repeat(60) + ']'.repeat(60)))).toBeNull();
  });

  it('M17: a reserved key at any depth is invalid_value (Yjs would decode it as a prototype)', () => {
    expect(refusal(file('{"a":[{"__proto__":{"x":1}}]}'))).toMatchObject({
      code: 'invalid_value',
      path: 'shapes[0].v.a[0].__proto__',
      message: 'reserved key',
    });
  });
});

describe('M16: an export always imports again', () => {
  it('M16, M17: a newer type’s record nested past what an import takes (a peer wrote it) is left out', () => {
    const doc = importBoard(
      parseBoardFileText(serializeBoardFile(generateBoardFile(createRng(7), { maxShapes: 5 }))),
    );
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    const shapes = doc.getMap('board').get('shapes') as Y.Map<Y.Map<unknown>>;
    const id = 'shape:stickerstickersticker2';
    shapes.set(
      id,
      new Y.Map<unknown>([
        ['id', id],
        ['type', 'sticker'],
        ['index', 'a0'],
        ['v', deep],
      ]),
    );
    const file = exportBoard(doc);
    expect(file.shapes.map((shape) => shape.id)).not.toContain(id);
    expect(exportBoard(importBoard(file))).toEqual(file);
  });
});

describe('M30: text is read as Yjs stores it', () => {
  it('M30: a lone surrogate (half an emoji, a JSON escape) reads as U+FFFD at once, as every peer reads it', () => {
    const text = `{"format":"carton-board","version":2,"meta":{"schemaVersion":1,"title":"Kamouraska \\udc00","kind":"territory"},"shapes":[{"id":"shape:notenotenotenotenotenot","type":"note","x":0,"y":0,"rotation":0,"index":"a0","parentId":null,"text":"Financement \\ud83d syst\\u00e9mique \\ud83d\\ude00","color":"yellow","w":200,"h":200,"createdBy":"\\udfff"},{"id":"shape:stickerstickersticker3","type":"sticker","index":"a1","v":{"cl\\ud800":["\\ud800"]}}]}`;
    const doc = importBoard(parseBoardFileText(text));
    const file = exportBoard(doc);
    expect(file.meta.title).toBe('Kamouraska \ufffd');
    expect(file.shapes[0]).toMatchObject({
      text: 'Financement \ufffd systémique 😀',
      createdBy: '\ufffd',
    });
    expect(file.shapes[1]).toMatchObject({ v: { 'cl\ufffd': ['\ufffd'] } });
    expect(exportBoard(throughUpdate(doc))).toEqual(file);
  });
});
