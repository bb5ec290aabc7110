import { describe, expect, it } from 'vitest';
import type { Peer } from './presence';
import { HOLD_GRACE_MS, recentHolder, whoChanged } from './whoChanged';

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

describe('recentHolder', () => {
  function room(start: Peer[]) {
    let peers = start;
    let clock = 0;
    const listeners = new Set<() => void>();
    const holder = recentHolder(
      () => peers,
      (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      () => ['shape:note'],
      () => clock,
    );
    return {
      holder,
      /** A presence arrives. */
      set: (next: Peer[]) => {
        peers = next;
        listeners.forEach((listener) => listener());
      },
      wait: (ms: number) => (clock += ms),
      listeners,
    };
  }

  it('names Pierre when his emptied choice arrived just before his deletion', () => {
    const r = room([peer('Pierre', ['shape:note'])]);
    r.set([peer('Pierre', [])]);
    r.wait(30);
    expect(r.holder.name(['shape:note'])).toBe('Pierre');
  });

  it('names nobody once he let go of it long before, or when two held it', () => {
    const r = room([peer('Pierre', ['shape:note'])]);
    r.set([peer('Pierre', [])]);
    r.wait(HOLD_GRACE_MS + 1);
    expect(r.holder.name(['shape:note'])).toBeNull();
    const both = room([peer('Julie', ['shape:note']), peer('Pierre', ['shape:note'])]);
    both.set([peer('Julie', []), peer('Pierre', [])]);
    expect(both.holder.name(['shape:note'])).toBeNull();
  });

  it('names who holds it now over who held it before, and stops following', () => {
    const r = room([peer('Pierre', ['shape:note'])]);
    r.set([peer('Pierre', []), peer('Julie', ['shape:note'])]);
    expect(r.holder.name(['shape:note'])).toBe('Julie');
    r.holder.stop();
    expect(r.listeners.size).toBe(0);
  });
});
