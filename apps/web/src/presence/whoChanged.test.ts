import { describe, expect, it } from 'vitest';
import type { Peer } from './presence';
import { whoChanged } from './whoChanged';

function peer(name: string, selection: string[], erasing: string[] = []): Peer {
  return {
    clientId: name.length,
    user: { id: `u-${name}`, name, color: '#123456' },
    cursor: null,
    selection,
    preview: erasing.length ? { kind: 'erase', ids: erasing } : null,
    stroke: null,
    view: null,
    readOnly: false,
  };
}

describe('whoChanged', () => {
  it('names the one person holding the note or its carton', () => {
    const pierre = peer('Pierre', ['shape:note']);
    expect(whoChanged([peer('Julie', []), pierre], ['shape:note', 'shape:carton'])).toBe('Pierre');
    const onCarton = peer('Marc', ['shape:carton']);
    expect(whoChanged([onCarton], ['shape:note', 'shape:carton'])).toBe('Marc');
  });

  it('names whoever erases it', () => {
    expect(whoChanged([peer('Julie', [], ['shape:note'])], ['shape:note'])).toBe('Julie');
  });

  it('names nobody when nobody or several people hold it, or the name is blank', () => {
    expect(whoChanged([peer('Julie', ['shape:other'])], ['shape:note'])).toBeNull();
    const both = [peer('Julie', ['shape:note']), peer('Pierre', ['shape:note'])];
    expect(whoChanged(both, ['shape:note'])).toBeNull();
    expect(whoChanged([peer('  ', ['shape:note'])], ['shape:note'])).toBeNull();
  });

  it('names one person once, on two devices', () => {
    const twice = [peer('Julie', ['shape:note']), { ...peer('Julie', []), clientId: 9 }];
    twice[1]!.selection = ['shape:note'];
    expect(whoChanged(twice, ['shape:note'])).toBe('Julie');
  });

  it('does not name a viewer, who cannot change the board', () => {
    expect(
      whoChanged([{ ...peer('Julie', ['shape:note']), readOnly: true }], ['shape:note']),
    ).toBeNull();
  });
});
