import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sniffImage } from './image-type.ts';

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc((width * 3 + 1) * height))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function riff(fourcc: string, payload: Buffer): Buffer {
  const data = Buffer.concat([Buffer.from(fourcc, 'ascii'), u32(payload.length), payload]);
  return Buffer.concat([Buffer.from('RIFF'), u32(data.length + 4), Buffer.from('WEBP'), data]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

describe('sniffImage', () => {
  it('R35: reads PNG size from IHDR', () => {
    expect(sniffImage(png(640, 480))).toEqual({
      ok: true,
      mime: 'image/png',
      width: 640,
      height: 480,
    });
  });

  it('R35: reads JPEG size from the frame header, after other segments', () => {
    const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
    const sof0 = [0xff, 0xc0, 0x00, 0x0b, 8, 0x01, 0x2c, 0x01, 0x90, 1, 1, 0x11, 0];
    const jpeg = Uint8Array.from([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
    expect(sniffImage(jpeg)).toMatchObject({
      ok: true,
      mime: 'image/jpeg',
      width: 400,
      height: 300,
    });
  });

  it('R35: reads WebP size from VP8, VP8L and VP8X', () => {
    const vp8 = Buffer.alloc(10);
    vp8.set([0, 0, 0, 0x9d, 0x01, 0x2a], 0);
    vp8.writeUInt16LE(320, 6);
    vp8.writeUInt16LE(200, 8);
    expect(sniffImage(riff('VP8 ', vp8))).toMatchObject({
      mime: 'image/webp',
      width: 320,
      height: 200,
    });
    const vp8l = Buffer.alloc(10);
    vp8l[0] = 0x2f;
    vp8l.writeUInt32LE((99 & 0x3fff) | ((49 & 0x3fff) << 14), 1);
    expect(sniffImage(riff('VP8L', vp8l))).toMatchObject({ width: 100, height: 50 });
    const vp8x = Buffer.alloc(10);
    vp8x.writeUIntLE(1023, 4, 3);
    vp8x.writeUIntLE(767, 7, 3);
    expect(sniffImage(riff('VP8X', vp8x))).toMatchObject({ width: 1024, height: 768 });
  });

  it('R35: refuses SVG, HTML, GIF and text whatever they claim to be', () => {
    for (const text of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<!doctype html><script>alert(1)</script>',
      'GIF89a\x01\x00\x01\x00',
      'Conditions de succès',
    ]) {
      expect(sniffImage(Buffer.from(text))).toMatchObject({
        ok: false,
        reason: 'unsupported_type',
      });
    }
  });

  it('R35: refuses broken files: garbage after a PNG signature, bad CRC, truncation, no pixels', () => {
    const signature = png(2, 2).subarray(0, 8);
    const garbage = Buffer.concat([signature, Buffer.from('<script>alert(1)</script>..........')]);
    expect(sniffImage(garbage)).toMatchObject({ ok: false, reason: 'broken_image' });
    const badCrc = png(2, 2);
    badCrc[20] = badCrc[20]! ^ 0xff; // inside the width in IHDR
    expect(sniffImage(badCrc)).toMatchObject({ ok: false, reason: 'broken_image' });
    const whole = png(8, 8);
    expect(sniffImage(whole.subarray(0, whole.length - 13))).toMatchObject({ ok: false });
    expect(sniffImage(png(0, 4))).toMatchObject({ ok: false, reason: 'broken_image' });
    expect(sniffImage(png(20_000, 1))).toMatchObject({ ok: false, reason: 'broken_image' });
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toMatchObject({
      ok: false,
      reason: 'broken_image',
    });
    const shortRiff = riff('VP8L', Buffer.alloc(10)).subarray(0, 24);
    expect(sniffImage(shortRiff)).toMatchObject({ ok: false, reason: 'broken_image' });
  });
});
