// Photos that arrive without the file picker: a PNG dropped on the canvas lands where it was
// dropped, and a PNG pasted from the clipboard lands too. The DataTransfer is built inside the
// page from a function handed to Playwright (the page's CSP forbids evaluating strings).
import { beforeAll, describe, expect, it } from 'vitest';
import type { JSHandle } from 'playwright-core';
import { boardSuite, toScreen, waitForShapes } from './fixtures';

describe('photos dropped or pasted on the canvas', () => {
  const suite = boardSuite({ territory: 'Les Basques', participants: { a: 'Émilie' } });
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
