import { describe, expect, it } from 'vitest';
import { isHelpKey, type HelpKeyEvent } from './helpKey';

const press = (key: string, extra: Partial<HelpKeyEvent> = {}): HelpKeyEvent => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  defaultPrevented: false,
  ...extra,
});

describe('the help key', () => {
  it('is « ? » however the layout types it (Maj+/, Maj+6, Maj+,)', () => {
    expect(isHelpKey(press('?'), true)).toBe(true);
    expect(isHelpKey(press('/'), true)).toBe(false);
    expect(isHelpKey(press('É'), true)).toBe(false);
  });

  it('is not « ? » with Ctrl, Cmd or Alt, nor one the board already used', () => {
    expect(isHelpKey(press('?', { ctrlKey: true }), true)).toBe(false);
    expect(isHelpKey(press('?', { metaKey: true }), true)).toBe(false);
    expect(isHelpKey(press('?', { altKey: true }), true)).toBe(false);
    // Typed into the empty note just chosen: the note's first character.
    expect(isHelpKey(press('?', { defaultPrevented: true }), true)).toBe(false);
  });

  it('is off with the other single keys', () => {
    expect(isHelpKey(press('?'), false)).toBe(false);
  });
});
