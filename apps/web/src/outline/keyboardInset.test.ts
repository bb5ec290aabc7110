import { describe, expect, it } from 'vitest';
import { sheetAboveKeyboard } from './keyboardInset';

describe('sheetAboveKeyboard: the phone sheet stands on the on-screen keyboard', () => {
  it('does nothing without a keyboard, or for a browser bar of a few pixels', () => {
    expect(sheetAboveKeyboard(844, { height: 844, offsetTop: 0 })).toBeNull();
    expect(sheetAboveKeyboard(844, { height: 788, offsetTop: 0 })).toBeNull();
  });

  it('stands on a 336 px keyboard of a 390×844 phone, a strip of the board above it', () => {
    expect(sheetAboveKeyboard(844, { height: 508, offsetTop: 0 })).toEqual({
      bottom: 336,
      maxHeight: 460,
    });
  });

  it('counts a page scrolled by the browser to show the field (iOS)', () => {
    // The visible part starts 120 px down the page: the keyboard covers the last 216 px.
    expect(sheetAboveKeyboard(844, { height: 508, offsetTop: 120 })).toEqual({
      bottom: 216,
      maxHeight: 460,
    });
  });

  it('keeps the field and a few lines on a small phone held sideways', () => {
    expect(sheetAboveKeyboard(360, { height: 150, offsetTop: 0 })).toEqual({
      bottom: 210,
      maxHeight: 200,
    });
  });
});
