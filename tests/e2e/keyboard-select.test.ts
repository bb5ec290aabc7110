// Choosing several shapes without a mouse: in Témiscouata, a keyboard user goes through the
// notes with Tab and adds or takes each out of the selection with Shift+Enter (or Shift+Space);
// the live region says each step, the shape the keyboard is on is outlined on the board, and the
// arrows then move the chosen notes together, for the other participant too.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addNote, boardSuite, shapes, waitForShapes } from './fixtures';

function selection(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__carton!.selection());
}

function announced(page: Page): Promise<string> {
  return page.locator('[data-testid="announcer"]').innerText();
}

/** How many keyboard focus marks the canvas shows. */
function focusMarks(page: Page): Promise<number> {
  return page.evaluate(() => {
    interface MarkNode {
      isVisible(): boolean;
    }
    const konva = (window as unknown as { Konva: { stages: { find(s: string): MarkNode[] }[] } })
      .Konva;
    return konva.stages
      .flatMap((stage) => stage.find('.keyboard-focus-mark'))
      .filter((node) => node.isVisible()).length;
  });
}

describe('several shapes chosen from the keyboard', () => {
  const suite = boardSuite({
    territory: 'Témiscouata',
    participants: { a: 'Émilie', b: 'Marc' },
  });

  it('Shift+Enter adds and removes, Tab moves the focus only, the arrows move the chosen', async () => {
    const { page } = suite.a;
    const logement = await addNote(page, 260, 320, 'Logement');
    const transport = await addNote(page, 560, 320, 'Transport');
    const alimentation = await addNote(page, 860, 320, 'Alimentation');
    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    expect(await selection(page)).toEqual([logement]);

    // The chosen note begins the set.
    await page.keyboard.press('Shift+Enter');
    await expect
      .poll(() => announced(page))
      .toBe(
        'Sélection commencée\u00a0: Papillon adhésif jaune «\u00a0Logement\u00a0». Tab\u00a0: forme suivante, Maj+Entrée\u00a0: l’ajouter.',
      );
    expect(await selection(page)).toEqual([logement]);
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');

    // Tab goes on to the next note without choosing it; the board outlines it.
    await page.keyboard.press('Tab');
    await expect
      .poll(() => announced(page))
      .toBe('Papillon adhésif jaune «\u00a0Transport\u00a0», 2 sur 3, hors de la sélection');
    expect(await selection(page)).toEqual([logement]);
    await expect.poll(() => focusMarks(page)).toBe(1);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Enter');
    await expect
      .poll(() => announced(page))
      .toBe(
        'Ajout à la sélection\u00a0: Papillon adhésif jaune «\u00a0Alimentation\u00a0» (2 formes sélectionnées)',
      );
    expect(await selection(page)).toEqual([logement, alimentation]);

    // Shift+Space does the same; back on the first note, Shift+Enter takes it out.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Space');
    expect(await selection(page)).toEqual([logement, alimentation, transport]);
    await page.keyboard.press('Shift+Tab');
    await expect
      .poll(() => announced(page))
      .toMatch(/«\u00a0Logement\u00a0», 1 sur 3, dans la sélection$/);
    await page.keyboard.press('Shift+Enter');
    await expect
      .poll(() => announced(page))
      .toBe(
        'Retrait de la sélection\u00a0: Papillon adhésif jaune «\u00a0Logement\u00a0» (2 formes sélectionnées)',
      );
    expect(await selection(page)).toEqual([alimentation, transport]);
    // The other participant sees the two chosen.
    await expect
      .poll(async () =>
        (await suite.b.page.evaluate(() => window.__carton!.peers()))
          .find((p) => p.name === 'Émilie')
          ?.selection.slice()
          .sort(),
      )
      .toEqual([alimentation, transport].sort());

    // The arrows move the two chosen notes together; « Logement » stays.
    const before = await shapes(page);
    const yOf = (id: string) => before.find((s) => s.id === id)!.y;
    await page.keyboard.press('Shift+ArrowDown');
    const moved = `(s) => s.find((x) => x.id === "${alimentation}").y === ${yOf(alimentation) + 50} && s.find((x) => x.id === "${transport}").y === ${yOf(transport) + 50} && s.find((x) => x.id === "${logement}").y === ${yOf(logement)}`;
    await waitForShapes(page, moved);
    await waitForShapes(suite.b.page, moved);

    // Escape lets go of all: nothing chosen, no outline.
    await page.keyboard.press('Escape');
    expect(await selection(page)).toEqual([]);
    await expect.poll(() => focusMarks(page)).toBe(0);
  });
});
