import { describe, expect, it } from 'vitest';
import { fitMenu } from './arrangeMenuFit';

const phone = { width: 360, height: 640 };

describe('fitMenu: « Aligner »’s menu kept on screen', () => {
  it('leaves a menu that fits where it is', () => {
    expect(fitMenu({ left: 12, top: 300, right: 348, bottom: 548 }, phone)).toEqual({
      shift: 0,
      maxHeight: null,
    });
  });

  it('caps a menu that runs off the top, its bottom kept by the panel (360×640 phone)', () => {
    // The panel's top at 212: the 248 px menu ended at 204 and began at −44.
    expect(fitMenu({ left: 12, top: -44, right: 348, bottom: 204 }, phone)).toEqual({
      shift: 0,
      maxHeight: 196,
    });
  });

  it('never caps below two rows of items', () => {
    expect(fitMenu({ left: 12, top: -200, right: 348, bottom: 40 }, phone).maxHeight).toBe(120);
  });

  it('slides a menu back inside from either side', () => {
    expect(fitMenu({ left: -30, top: 300, right: 306, bottom: 548 }, phone).shift).toBe(38);
    expect(fitMenu({ left: 100, top: 300, right: 400, bottom: 548 }, phone).shift).toBe(-48);
  });

  it('stands over its button, as far as the room allows (1280×800 laptop)', () => {
    const laptop = { width: 1280, height: 800 };
    // Centred over the panel (470–810), its button at 1243: slid right, to the screen's margin.
    expect(fitMenu({ left: 470, top: 408, right: 810, bottom: 656 }, laptop, 1243).shift).toBe(462);
    // Its button in the middle of a wide room: centred over it.
    expect(fitMenu({ left: 470, top: 408, right: 810, bottom: 656 }, laptop, 700).shift).toBe(60);
    // « Contenu » open from x = 918: the room ends there.
    const room = { width: 918, height: 800 };
    expect(fitMenu({ left: 300, top: 408, right: 640, bottom: 656 }, room, 860).shift).toBe(270);
  });

  it('keeps the left edge on screen when the menu is wider than the screen', () => {
    expect(fitMenu({ left: -10, top: 300, right: 380, bottom: 548 }, phone).shift).toBe(18);
  });
});
