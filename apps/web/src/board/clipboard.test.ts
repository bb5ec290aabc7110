import { describe, expect, it } from 'vitest';
import { parseClipboard } from './clipboard';

describe('parseClipboard', () => {
  it('reads Carton clipboard JSON and keeps only known shape types', () => {
    const text = JSON.stringify({
      format: 'carton-clipboard',
      version: 1,
      shapes: [
        { id: 'shape:a', type: 'note', x: 0, y: 0, text: 'Balises claires' },
        { id: 'shape:b', type: 'hologram', x: 0, y: 0 },
        null,
      ],
    });
    expect(parseClipboard(text)?.map((s) => s.id)).toEqual(['shape:a']);
  });
  it('ignores ordinary text and other JSON', () => {
    expect(parseClipboard('Conditions présentes')).toBeNull();
    expect(parseClipboard('{"format":"other","shapes":[]}')).toBeNull();
  });
});
