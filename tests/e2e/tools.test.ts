// The tools and the pointer through the real client, one blank board for each part below, all
// opened on Émilie's page (each part was a file with its own server, browser and context):
// - the tools: text, rectangle, ellipse, stamps, pen and eraser;
// - the mouse cursor says what a press will do: resize cursors on the selection's handles, a
//   rotate cursor on its rotate handle, `move` over a shape, `grab`/`grabbing` with the hand tool;
// - photos that arrive without the file picker: a PNG dropped on the canvas lands where it was
//   dropped, and a PNG pasted from the clipboard lands too (the DataTransfer is built inside the
//   page from a function handed to Playwright: the page's CSP forbids evaluating strings);
// - a note placed low on a laptop's screen: its selection brings up the colours and actions
//   above the toolbar, which covered half the new note; the camera now pans it clear, as a
//   phone's does;
// - a newcomer places a note and starts typing: the words go into the note (its « Écrivez ici… »
//   invites them), in one undo step, instead of each letter switching tools; a bare tool letter
//   on an empty note still picks its tool, as the toolbar's tooltips teach;
// - panning moves the drawn board with the camera: the canvas is redrawn only now and then while
//   panning (between redraws a CSS transform carries it), so a note must stay where the camera
//   puts it during a pan, after it settles, past the stage's margin, after a zoom, and under the
//   text editor.
import { beforeAll, describe, expect, it } from 'vitest';
import type { JSHandle, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { NoteShape } from '@carton/board';
import { drag, shapes, toScreen, waitForShapes } from './fixtures';
import { participantsOnFreshBoards } from './fresh-boards';

const { freshBoard } = participantsOnFreshBoards({ a: 'Émilie' });

describe('tools', () => {
  const suite = freshBoard('Les Basques');

  it('text (T): click, type a heading, Escape', async () => {
    const page = suite.a.page;
    await page.keyboard.press('t');
    await page.mouse.click(100, 120);
    await page.locator('textarea.text-editor').waitFor();
    await page.keyboard.type('« Conditions présentes »');
    await page.keyboard.press('Escape');
    const [text] = await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "text" && x.text.length > 0)',
    );
    expect(text?.type === 'text' && text.text).toBe('« Conditions présentes »');
  });

  it('rectangle (R) and ellipse (O) by dragging', async () => {
    const page = suite.a.page;
    await page.keyboard.press('r');
    await drag(page, { x: 100, y: 200 }, { x: 300, y: 320 });
    await page.keyboard.press('o');
    await drag(page, { x: 400, y: 200 }, { x: 560, y: 300 });
    const list = await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "rect") && s.some((x) => x.type === "ellipse")',
    );
    const rect = list.find((s) => s.type === 'rect');
    expect(rect?.type === 'rect' && [rect.w, rect.h]).toEqual([200, 120]);
  });

  it('stamps (♥ ★ ✓ ! ?) with one click each; the tool stays on for voting', async () => {
    const page = suite.a.page;
    await page.getByRole('button', { name: 'Tampons' }).click();
    await page.getByRole('button', { name: 'Étoile' }).click();
    await page.mouse.click(700, 200);
    await page.mouse.click(760, 200);
    await page.getByRole('button', { name: 'Point d’interrogation' }).click();
    await page.mouse.click(820, 200);
    const list = await waitForShapes(
      page,
      '(s) => s.filter((x) => x.type === "stamp").length === 3',
    );
    expect(list.filter((s) => s.type === 'stamp').map((s) => s.type === 'stamp' && s.kind)).toEqual(
      ['star', 'star', 'question'],
    );
  });

  it('pen (P) in a chosen colour and width, then the eraser (E) removes the stroke', async () => {
    const page = suite.a.page;
    await page.keyboard.press('p');
    await page.getByRole('button', { name: 'Vert' }).click();
    await page.getByRole('button', { name: 'Épais' }).click();
    await drag(page, { x: 150, y: 500 }, { x: 450, y: 560 }, 15);
    const [stroke] = (
      await waitForShapes(page, '(s) => s.some((x) => x.type === "stroke")')
    ).filter((s) => s.type === 'stroke');
    expect(stroke?.type === 'stroke' && [stroke.color, stroke.width]).toEqual(['green', 10]);
    const count = (await shapes(page)).length;

    await page.keyboard.press('e');
    await drag(page, { x: 300, y: 470 }, { x: 300, y: 600 }, 12);
    await waitForShapes(
      page,
      `(s) => !s.some((x) => x.type === "stroke") && s.length === ${count - 1}`,
    );
    // One undo brings it back.
    await page.keyboard.press('Control+z');
    await waitForShapes(page, '(s) => s.some((x) => x.type === "stroke")');
  });
});

const cursor = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.querySelector('.canvas')!).cursor);

async function cursorAt(page: Page, x: number, y: number): Promise<string> {
  await page.mouse.move(x, y, { steps: 2 });
  return cursor(page);
}

describe('canvas cursors', () => {
  const suite = freshBoard('Les Basques');

  it('select: handles show resize and rotate cursors, the note shows move', async () => {
    const page = suite.a.page;
    await page.keyboard.press('n');
    await page.mouse.click(500, 400);
    const [note] = await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    if (note?.type !== 'note') throw new Error('expected a note');
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([note.id]);
    const tl = await toScreen(page, note.x, note.y);
    const br = await toScreen(page, note.x + note.w, note.y + note.h);
    const mid = { x: (tl.x + br.x) / 2, y: (tl.y + br.y) / 2 };

    expect(await cursorAt(page, tl.x, tl.y)).toBe('nwse-resize');
    expect(await cursorAt(page, br.x, br.y)).toBe('nwse-resize');
    expect(await cursorAt(page, br.x, tl.y)).toBe('nesw-resize');
    expect(await cursorAt(page, tl.x, br.y)).toBe('nesw-resize');
    expect(await cursorAt(page, mid.x, tl.y)).toBe('ns-resize');
    expect(await cursorAt(page, br.x, mid.y)).toBe('ew-resize');
    expect(await cursorAt(page, mid.x, tl.y - 26)).toMatch(/^url\("data:image\/svg\+xml.*grab$/u);
    expect(await cursorAt(page, mid.x, mid.y)).toBe('move');
    expect(await cursorAt(page, br.x + 150, br.y + 60)).toBe('default');

    // The resize cursor stays on while the corner is dragged, even off the handle.
    await page.mouse.move(br.x, br.y);
    await page.mouse.down();
    await page.mouse.move(br.x + 40, br.y + 40, { steps: 4 });
    expect(await cursor(page)).toBe('nwse-resize');
    await page.mouse.up();
  });

  it('the hand tool grabs, and grabs tighter while dragging; a drawing tool keeps its own', async () => {
    const page = suite.a.page;
    await page.keyboard.press('h');
    expect(await cursorAt(page, 300, 300)).toBe('grab');
    await page.mouse.down();
    await page.mouse.move(340, 330, { steps: 3 });
    expect(await cursor(page)).toBe('grabbing');
    await page.mouse.up();
    expect(await cursor(page)).toBe('grab');
    await page.keyboard.press('p');
    expect(await cursorAt(page, 500, 400)).toBe('crosshair');
  });
});

describe('photos dropped or pasted on the canvas', () => {
  const suite = freshBoard('Les Basques');
  let png: number[];

  beforeAll(async () => {
    // A real PNG, 240 × 160: a picture of the board's header.
    png = [...(await suite.a.page.screenshot({ clip: { x: 0, y: 0, width: 240, height: 160 } }))];
  });

  function transfer(name: string): Promise<JSHandle<DataTransfer>> {
    return suite.a.page.evaluateHandle(
      ([bytes, fileName]) => {
        const data = new DataTransfer();
        const file = new File([new Uint8Array(bytes as number[])], fileName as string, {
          type: 'image/png',
        });
        data.items.add(file);
        return data;
      },
      [png, name] as const,
    );
  }

  it('a PNG dropped on the canvas becomes an image centred where it was dropped', async () => {
    const page = suite.a.page;
    const data = await transfer('affiche-forum.png');
    const canvas = page.locator('.canvas');
    await canvas.dispatchEvent('dragover', { dataTransfer: data, clientX: 500, clientY: 400 });
    await canvas.dispatchEvent('drop', { dataTransfer: data, clientX: 500, clientY: 400 });
    const [image] = await waitForShapes(page, '(s) => s.some((x) => x.type === "image")');
    if (image?.type !== 'image') throw new Error('expected an image');
    expect([image.naturalWidth, image.naturalHeight]).toEqual([240, 160]);
    const box = await canvas.boundingBox();
    const centre = await toScreen(page, image.x + image.w / 2, image.y + image.h / 2);
    expect(centre.x + (box?.x ?? 0)).toBeCloseTo(500, 0);
    expect(centre.y + (box?.y ?? 0)).toBeCloseTo(400, 0);
  });

  it('a PNG pasted from the clipboard becomes an image', async () => {
    const page = suite.a.page;
    const data = await transfer('photo-collee.png');
    await page.locator('.canvas').focus();
    await page.evaluate(
      (clipboardData) =>
        document.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
        ),
      data,
    );
    const list = await waitForShapes(
      page,
      '(s) => s.filter((x) => x.type === "image").length === 2',
    );
    const images = list.filter((s) => s.type === 'image');
    expect(images.map((s) => (s.type === 'image' ? s.naturalWidth : 0))).toEqual([240, 240]);
  });
});

describe('placing a note low on a laptop', () => {
  const suite = freshBoard('Kamouraska');

  it('brings the new note above the style panel', async () => {
    const page = suite.a.page;
    await page.keyboard.press('n');
    // Just above the note colours the tool shows: the note's lower half lands under them.
    const colours = await page.locator('.style-panel').first().boundingBox();
    if (!colours) throw new Error('no note colours');
    await page.mouse.click(640, colours.y - 40);
    const [note] = await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    if (note?.type !== 'note') throw new Error('no note');
    await page.locator('.style-panel').first().waitFor();
    const panelTop = await page
      .locator('.style-panel')
      .evaluateAll((panels) => Math.min(...panels.map((p) => p.getBoundingClientRect().top)));
    await page.waitForFunction(
      ([y, top]) => {
        const c = window.__carton!.camera();
        return y! * c.zoom + c.y < top!;
      },
      [note.y + note.h, panelTop],
      { timeout: 5_000 },
    );
    const bottom = await toScreen(page, note.x, note.y + note.h);
    expect(bottom.y).toBeLessThan(panelTop);
  });
});

/**
 * The lines the open textarea shows, read from a copy of it laid out the same way (a textarea's
 * own line boxes cannot be measured): a new line wherever a character drops below the last.
 */
function editorLines(page: Page): Promise<string[]> {
  return page.locator('textarea.text-editor').evaluate((area: HTMLTextAreaElement) => {
    const style = getComputedStyle(area);
    const copy = document.createElement('div');
    for (const key of ['font', 'lineHeight', 'textAlign', 'whiteSpace', 'overflowWrap'] as const)
      copy.style[key] = style[key];
    copy.style.width = `${area.clientWidth - parseFloat(style.paddingLeft) * 2}px`;
    copy.style.position = 'absolute';
    copy.textContent = area.value;
    document.body.append(copy);
    const range = document.createRange();
    const lines: string[] = [];
    let line = '';
    let top = -Infinity;
    for (let i = 0; i < area.value.length; i++) {
      range.setStart(copy.firstChild!, i);
      range.setEnd(copy.firstChild!, i + 1);
      const y = range.getClientRects()[0]?.top ?? top;
      if (y > top + 1 && i > 0) {
        lines.push(line);
        line = '';
      }
      top = y;
      line += area.value.charAt(i);
    }
    lines.push(line);
    copy.remove();
    return lines.map((line) => line.trimEnd());
  });
}

/** The lines Konva draws for the note whose text is `text` (spaces of any kind alike). */
function canvasLines(page: Page, text: string): Promise<string[] | undefined> {
  return page.evaluate((wanted) => {
    interface TextNode {
      text(): string;
      textArr: { text: string }[];
    }
    const konva = (window as unknown as { Konva: { stages: { find(s: string): TextNode[] }[] } })
      .Konva;
    const squeeze = (s: string) => s.replace(/\s+/gu, '');
    return konva.stages
      .flatMap((stage) => stage.find('Text'))
      .find((node) => squeeze(node.text()) === squeeze(wanted))
      ?.textArr.map((line) => line.text);
  }, text);
}

const plain = (lines: string[] | undefined) =>
  lines?.map((l) => l.replace(/[\u00a0\u202f]/gu, ' '));

describe('typing right after placing a note', () => {
  const suite = freshBoard('Rimouski-Neigette');

  it('writes the typed words into the new note, as one undo step', async () => {
    const page = suite.a.page;
    await page.keyboard.press('n');
    await page.mouse.click(400, 300);
    await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    const text = 'Logement abordable : « incontournable » !';
    await page.keyboard.type(text);
    // The words break where the canvas breaks them once the editor closes: « incontournable »
    // keeps its « (the textarea left it alone at the end of a line, then the line jumped).
    const typing = await editorLines(page);
    await page.keyboard.press('Escape');
    const [note] = await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "note" && x.text.length > 10)',
    );
    expect(note?.type === 'note' && note.text).toBe(text);
    expect(plain(typing)).toEqual(plain(await canvasLines(page, text)));
    expect(typing.length).toBeGreaterThan(1);
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');

    await page.keyboard.press('Control+z');
    const after = await waitForShapes(page, '(s) => s.some((x) => x.type === "note" && !x.text)');
    expect(after).toHaveLength(1);
  });

  it('a bare tool letter on an empty note still picks that tool', async () => {
    const page = suite.a.page;
    expect(await page.evaluate(() => window.__carton!.selection())).toHaveLength(1);
    await page.keyboard.press('p');
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('pen');
    const [note] = await shapes(page);
    expect(note?.type === 'note' && note.text).toBe('');
  });

  it('a word that starts with a tool letter goes into the note just placed', async () => {
    const page = suite.a.page;
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.mouse.click(700, 300);
    await waitForShapes(page, '(s) => s.filter((x) => x.type === "note").length === 2');
    const text = 'transport en commun le soir';
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
    const list = await waitForShapes(
      page,
      `(s) => s.some((x) => x.type === "note" && x.text === ${JSON.stringify(text)})`,
    );
    expect(list.filter((s) => s.type !== 'note')).toEqual([]);
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');
  });

  it('text that comes with no key (an input method, dictation, a phone keyboard) goes in too', async () => {
    // Those send the text alone, as a beforeinput to the board: « É » was lost.
    const page = suite.a.page;
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.mouse.click(400, 550);
    const placed = await waitForShapes(
      page,
      '(s) => s.filter((x) => x.type === "note").length === 3',
    );
    await page.keyboard.insertText('É');
    await page.keyboard.type('cole');
    await page.keyboard.press('Escape');
    const list = await waitForShapes(page, '(s) => s.some((x) => x.text === "École")');
    expect(list.filter((s) => s.type === 'note')).toHaveLength(placed.length);
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');

    // A tool letter, then text with no key: the letter was the word's first.
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.mouse.click(700, 550);
    await waitForShapes(page, '(s) => s.filter((x) => x.type === "note").length === 4');
    await page.keyboard.press('t');
    await page.keyboard.insertText('ransport');
    await page.keyboard.press('Escape');
    await waitForShapes(page, '(s) => s.some((x) => x.text === "transport")');
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');
  });
});

const YELLOW = [0xff, 0xf1, 0x76];

/** The screen's colour (what was composited, not what a canvas holds) at a page point. */
async function colourAt(page: Page, at: { x: number; y: number }): Promise<number[]> {
  const png = PNG.sync.read(
    await page.screenshot({
      clip: { x: Math.round(at.x) - 1, y: Math.round(at.y) - 1, width: 3, height: 3 },
    }),
  );
  const i = (png.width * 1 + 1) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

function isYellow(colour: readonly number[]): boolean {
  return YELLOW.every((v, i) => Math.abs((colour[i] ?? 0) - v) <= 3);
}

describe('panning the canvas', () => {
  const suite = freshBoard('Rimouski-Neigette');
  let note: NoteShape;

  /** A point inside the note (clear of its text and handles) and one just left of it. */
  async function expectNoteInPlace(page: Page): Promise<void> {
    const inside = await toScreen(page, note.x + 30, note.y + 30);
    const outside = await toScreen(page, note.x - 30, note.y + 30);
    expect(isYellow(await colourAt(page, inside))).toBe(true);
    expect(isYellow(await colourAt(page, outside))).toBe(false);
  }

  async function pressAndMove(page: Page, from: [number, number], by: [number, number]) {
    await page.mouse.move(...from);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(from[0] + (by[0] * i) / 10, from[1] + (by[1] * i) / 10);
  }

  beforeAll(async () => {
    const { page } = suite.a;
    await page.keyboard.press('n');
    await page.mouse.click(500, 380);
    const list = await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    const created = list.find((s) => s.type === 'note');
    if (created?.type !== 'note') throw new Error('no note');
    note = created;
    await page.keyboard.press('h');
  });

  it('draws the note where the camera puts it before any pan', async () => {
    await expectNoteInPlace(suite.a.page);
  });

  it('keeps the note under the camera while the pointer still pans, and once it rests', async () => {
    const page = suite.a.page;
    const start = await page.evaluate(() => window.__carton!.camera());
    // Less than the stage's margin: carried by CSS until the view comes to rest.
    await pressAndMove(page, [600, 500], [120, 70]);
    const camera = await page.evaluate(() => window.__carton!.camera());
    expect(camera.x - start.x).toBeCloseTo(120, 5);
    expect(camera.y - start.y).toBeCloseTo(70, 5);
    await expectNoteInPlace(page);
    await page.mouse.up();
    await page.waitForTimeout(400);
    await expectNoteInPlace(page);
  });

  it('keeps it in place past the margin (the view is redrawn at the new camera)', async () => {
    const page = suite.a.page;
    await pressAndMove(page, [500, 300], [430, 250]);
    await expectNoteInPlace(page);
    await page.mouse.up();
    await page.waitForTimeout(400);
    await expectNoteInPlace(page);
    // And back the other way, beyond where the stage was first drawn.
    await pressAndMove(page, [800, 550], [-560, -330]);
    await page.mouse.up();
    await expectNoteInPlace(page);
  });

  it('keeps it in place after a wheel zoom', async () => {
    const page = suite.a.page;
    const inside = await toScreen(page, note.x + 30, note.y + 30);
    await page.mouse.move(inside.x, inside.y);
    await page.mouse.wheel(0, -240);
    await page.waitForFunction(() => window.__carton!.camera().zoom > 1);
    await expectNoteInPlace(page);
  });

  it('lays the text editor over the note after panning', async () => {
    const page = suite.a.page;
    await pressAndMove(page, [600, 400], [-90, 60]);
    await page.mouse.up();
    await page.keyboard.press('v');
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    await page.mouse.dblclick(centre.x, centre.y);
    const editor = await page.locator('textarea.text-editor').boundingBox();
    if (!editor) throw new Error('no text editor');
    const topLeft = await toScreen(page, note.x, note.y);
    const bottomRight = await toScreen(page, note.x + note.w, note.y + note.h);
    expect(editor.x).toBeGreaterThanOrEqual(topLeft.x - 1);
    expect(editor.y).toBeGreaterThanOrEqual(topLeft.y - 1);
    expect(editor.x + editor.width).toBeLessThanOrEqual(bottomRight.x + 1);
    expect(editor.y + editor.height).toBeLessThanOrEqual(bottomRight.y + 1);
    // The editor covers the note's middle, so the canvas around it is still the note.
    await page.keyboard.press('Escape');
    await expectNoteInPlace(page);
  });
});
