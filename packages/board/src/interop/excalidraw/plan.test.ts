import { describe, expect, it } from 'vitest';
import { localOrigin } from '../../origin/origin.ts';
import type { Shape } from '../../shapes/registry.ts';
import { newTestBoard } from '../../test/fixtures.ts';
import { InteropError } from '../errors.ts';
import { applyPlan } from '../plan/plan.ts';
import { fixtureBytes } from '../test-files.ts';
import { decodeText } from '../text/decode.ts';
import { planFromExcalidraw } from './plan.ts';

const scene = () => fixtureBytes('excalidraw/fixtures/temiscouata.excalidraw');
const sceneJson = () =>
  JSON.parse(decodeText(scene()).text) as Record<string, unknown> & {
    elements: Record<string, unknown>[];
  };

function codeOf(run: () => unknown): { code: string; path: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof InteropError) return { code: error.code, path: error.path };
    throw error;
  }
  throw new Error('accepted');
}

describe('M32: Excalidraw import', () => {
  it('M32: a hand-made .excalidraw file becomes the expected plan', () => {
    const plan = planFromExcalidraw(scene());
    const summary = plan.shapes.map((shape) => [shape.type, shape.key.replace('excalidraw:', '')]);
    expect(summary).toEqual([
      ['carton', 'frame-temiscouata'],
      ['text', 'heading'],
      ['note', 'sticky-relais'],
      ['ellipse', 'ellipse-financement'],
      ['arrow', 'arrow-relais'],
      ['stroke', 'dessin-main'],
      ['image', 'photo-affiche'],
      ['rect', 'cadre-tourne'],
    ]);
    const [carton, heading, note, ellipse, arrow, stroke, image, rect] = plan.shapes;
    expect(carton?.props).toEqual({
      x: 0,
      y: 0,
      rotation: 0,
      w: 900,
      h: 600,
      title: 'Témiscouata',
    });
    expect(heading).toMatchObject({
      parentKey: carton?.key,
      props: {
        x: 40,
        y: 30,
        text: 'Conditions présentes',
        fontSize: 28,
        color: 'black',
        align: 'start',
      },
    });
    expect(note).toMatchObject({
      parentKey: carton?.key,
      props: {
        x: 40,
        y: 100,
        w: 200,
        h: 200,
        text: 'Liens de relais entre les organismes',
        color: 'pink',
      },
    });
    expect(ellipse?.props).toMatchObject({
      x: 500,
      y: 100,
      w: 220,
      h: 140,
      color: 'blue',
      fill: 'none',
      strokeWidth: 4,
    });
    expect(arrow).toMatchObject({
      props: { x: 245, y: 200, start: { x: 0, y: 0 }, end: { x: 250, y: -30 }, width: 4 },
      startBinding: { key: note?.key, anchor: { x: 1, y: 0.5 } },
      endBinding: { key: ellipse?.key, anchor: { x: 0, y: 0.5 } },
    });
    expect(stroke?.props).toMatchObject({
      x: 100,
      y: 400,
      color: 'red',
      points: [0, 0, 0.3, 10, 5, 0.5, 20, 15, 0.7, 40, 20, 0.6],
    });
    expect(image).toMatchObject({
      blobKey: 'a1b2c3d4e5f6',
      props: { x: 1000, y: 50, w: 300, h: 200, mime: 'image/png' },
    });
    expect(image?.parentKey).toBeUndefined();
    // Turned about its centre in Excalidraw, about its corner in Carton.
    expect(rect?.props['x']).toBeCloseTo(1075);
    expect(rect?.props['y']).toBeCloseTo(325);
    expect(rect?.props).toMatchObject({
      rotation: Math.PI / 2,
      color: 'green',
      fill: 'semi',
      strokeWidth: 8,
    });
    expect(plan.pendingBlobs).toHaveLength(1);
    expect(plan.pendingBlobs[0]?.mime).toBe('image/png');
    expect([...(plan.pendingBlobs[0]?.bytes.subarray(1, 4) ?? [])]).toEqual([0x50, 0x4e, 0x47]);
    expect(plan.warnings).toEqual([
      {
        code: 'unsupported_element',
        path: 'elements[8]',
        message: expect.stringMatching(/diamond/),
      },
    ]);
  });

  it('M32: applied through Board commands, with the stored image, bindings and parents', () => {
    const { board } = newTestBoard();
    const plan = planFromExcalidraw(scene());
    const blobs = new Map([
      ['a1b2c3d4e5f6', { blobId: 'e'.repeat(64), naturalWidth: 1, naturalHeight: 1 }],
    ]);
    const ids = board.run(
      (tx) => applyPlan(tx, plan, { offset: { x: 10, y: 10 }, blobs }),
      localOrigin('x'),
    );
    const shapes = board.listShapes();
    expect(shapes).toHaveLength(8);
    const byKey = (key: string): Shape | undefined =>
      board.getShape(ids.get(`excalidraw:${key}`) ?? '');
    const carton = byKey('frame-temiscouata');
    for (const key of [
      'heading',
      'sticky-relais',
      'ellipse-financement',
      'arrow-relais',
      'dessin-main',
    ]) {
      expect(byKey(key)?.parentId).toBe(carton?.id);
    }
    const arrow = byKey('arrow-relais');
    expect(arrow?.type === 'arrow' && arrow.startBinding?.shapeId).toBe(byKey('sticky-relais')?.id);
    expect(byKey('photo-affiche')).toMatchObject({
      type: 'image',
      blobId: 'e'.repeat(64),
      x: 1010,
      y: 60,
    });
    // Without its stored blob, an image is left out.
    const { board: other } = newTestBoard();
    other.run((tx) => applyPlan(tx, plan), localOrigin('x'));
    expect(other.listShapes().some((shape) => shape.type === 'image')).toBe(false);
  });

  it('M32: refusals and warnings, with codes and paths', () => {
    expect(codeOf(() => planFromExcalidraw('{"type": "excalidraw", '))).toMatchObject({
      code: 'not_json',
    });
    expect(codeOf(() => planFromExcalidraw({ format: 'carton-board', version: 1 }))).toEqual({
      code: 'wrong_format',
      path: 'type',
    });
    const broken = sceneJson();
    delete broken.elements[2]!['x'];
    expect(codeOf(() => planFromExcalidraw(broken))).toEqual({
      code: 'invalid_value',
      path: 'elements[2].x',
    });
    expect(codeOf(() => planFromExcalidraw({ type: 'excalidraw', elements: {} }))).toEqual({
      code: 'invalid_value',
      path: 'elements',
    });
    const many = {
      type: 'excalidraw',
      elements: Array.from({ length: 10_001 }, (_, i) => ({
        id: `e${i}`,
        type: 'rectangle',
        x: 0,
        y: 0,
      })),
    };
    expect(codeOf(() => planFromExcalidraw(many))).toMatchObject({ code: 'too_many_elements' });
    const badImage = sceneJson();
    (badImage['files'] as Record<string, { dataURL: string }>)['a1b2c3d4e5f6']!.dataURL =
      'data:image/png;base64,@@@';
    const plan = planFromExcalidraw(badImage);
    expect(plan.pendingBlobs).toHaveLength(0);
    expect(plan.warnings.map((w) => w.code)).toEqual(['broken_image', 'unsupported_element']);
    const noFile = sceneJson();
    noFile['files'] = {};
    expect(planFromExcalidraw(noFile).warnings[0]).toMatchObject({
      code: 'missing_file',
      path: 'elements[7]',
    });
  });
});
