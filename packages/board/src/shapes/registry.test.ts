import { describe, expect, it } from 'vitest';
import { SHAPE_TYPES, definitionOf, shapeRegistry } from './registry.ts';

const base = { id: 'shape:registry-test', x: 10, y: 20, rotation: 0, index: 'a0', parentId: null };

describe('shape registry', () => {
  it('M27: every shape type is registered under its own type name', () => {
    expect(Object.keys(shapeRegistry).sort()).toEqual([...SHAPE_TYPES].sort());
    for (const type of SHAPE_TYPES) expect(shapeRegistry[type].type).toBe(type);
  });

  it('M27: every type declares valid defaults and a migration list from day one', () => {
    for (const type of SHAPE_TYPES) {
      const definition = definitionOf(type);
      expect(definition.props.safeParse(definition.defaults()).success, type).toBe(true);
      const record = { ...base, type, ...definition.defaults() };
      expect(definition.schema.safeParse(record).success, type).toBe(true);
      expect(definition.migrations, type).toEqual([]);
    }
  });

  it('M27: a record missing a prop, or with a wrong one, fails its schema', () => {
    for (const type of SHAPE_TYPES) {
      const definition = definitionOf(type);
      const record: Record<string, unknown> = { ...base, type, ...definition.defaults() };
      const firstProp = Object.keys(definition.defaults())[0] as string;
      delete record[firstProp];
      expect(definition.schema.safeParse(record).success, type).toBe(false);
      expect(definition.schema.safeParse({ ...record, [firstProp]: {} }).success, type).toBe(false);
    }
  });

  it('M27: coordinates must be finite numbers', () => {
    const definition = definitionOf('note');
    const note = { ...base, type: 'note', ...definition.defaults() };
    expect(definition.schema.safeParse({ ...note, x: Number.NaN }).success).toBe(false);
    expect(definition.schema.safeParse({ ...note, y: Infinity }).success).toBe(false);
    expect(definition.schema.safeParse({ ...note, index: 'not an index!' }).success).toBe(false);
  });

  it('M21: every type has bounds containing its own origin region and hits its centre', () => {
    for (const type of SHAPE_TYPES) {
      const definition = definitionOf(type);
      const shape = definition.schema.parse({ ...base, type, ...definition.defaults() });
      const box = definition.bounds(shape);
      expect(box.w, type).toBeGreaterThanOrEqual(0);
      if (type === 'stroke') continue; // empty default stroke
      const centre = { x: box.x + box.w / 2, y: box.y + box.h / 2 };
      expect(definition.hitTest(shape, centre, 1), type).toBe(true);
      expect(definition.hitTest(shape, { x: box.x - 500, y: box.y - 500 }, 1), type).toBe(false);
    }
  });
});
